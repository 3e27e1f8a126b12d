// A part of a wizard page's scrolled area besides its questions and lists: the stakeholder map
// under the stakeholders, the draft's template and language on the last page.
#pragma once

#include "wizard/ControlCanvas.hpp"

#include <rtl/ustring.hxx>

namespace partnering::uno {

class PagePart {
public:
    virtual ~PagePart() = default;

    // Whether the control named `control` is one of the part's.
    virtual bool owns(const rtl::OUString& control) const = 0;
    // One of its controls changed (a list's choice) or was clicked at (x, y) pixels.
    virtual void changed(const rtl::OUString& control) = 0;
    virtual void clicked(const rtl::OUString& /*control*/, sal_Int32 /*x*/, sal_Int32 /*y*/) {}
    // The answers changed, or the page is shown again.
    virtual void refresh() = 0;

    virtual int height(int width) const = 0;
    virtual void place(int x, int y, int width) = 0;
};

} // namespace partnering::uno
