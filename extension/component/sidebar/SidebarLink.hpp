// Which Lessons learned panel shows a Writer frame's lessons, held by weak references: the
// journey wizard's "Lessons learned for this step" reaches the panel open now, or the one the
// sidebar makes in the next seconds, and never one that went away.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XInterface.hpp>
#include <cppuhelper/weakref.hxx>

#include <chrono>
#include <mutex>
#include <optional>
#include <vector>

namespace partnering::uno {

// What a linked panel does for the wizard. Implemented by UNO objects (they are found again
// through a weak reference to their XInterface).
class StepView {
public:
    // Narrows the panel to the lessons of journey step `step`. Never throws.
    virtual void showStep(int step) noexcept = 0;

protected:
    ~StepView() = default;
};

class SidebarLink {
public:
    // A step asked for a frame whose panel is not open yet is kept this long: the sidebar makes
    // the panel only once its deck opens, after the request.
    explicit SidebarLink(std::chrono::steady_clock::duration requestLifetime = std::chrono::seconds(10));

    // The one link of the office: the wizard and the panels meet there.
    static SidebarLink& instance();

    // `panel` (a StepView) now shows `frame`'s lessons. Returns the step last asked for that
    // frame if it is recent (the request is then used up).
    std::optional<int> attach(const css::uno::Reference<css::uno::XInterface>& frame,
                              const css::uno::Reference<css::uno::XInterface>& panel);

    // `panel` goes away (it would drop out by itself once released; this is at once).
    void detach(const css::uno::Reference<css::uno::XInterface>& panel);

    // Shows `step` in every live panel of `frame`, and keeps the request for a panel the
    // sidebar may make for it soon. Calls the panels outside the link's lock.
    void showStep(const css::uno::Reference<css::uno::XInterface>& frame, int step);

    // Panels still linked and alive, for tests and checks.
    std::size_t livePanels();

private:
    struct Link {
        css::uno::WeakReference<css::uno::XInterface> frame;
        css::uno::WeakReference<css::uno::XInterface> panel;
    };
    struct Request {
        css::uno::WeakReference<css::uno::XInterface> frame;
        int step = 0;
        std::chrono::steady_clock::time_point at;
    };

    void forgetTheDead(); // with mutex_ held

    const std::chrono::steady_clock::duration requestLifetime_;
    std::mutex mutex_;
    std::vector<Link> links_;
    std::vector<Request> requests_;
};

} // namespace partnering::uno
