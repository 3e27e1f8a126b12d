// Where C++ meets UNO: UTF-8 <-> OUString at the edge, and the one wrapper every UNO entry
// point runs its core call in, so no C++ exception ever crosses the boundary untranslated.
#pragma once

#include "error/Error.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include <exception>
#include <string>
#include <string_view>

namespace partnering::uno {

inline std::string toUtf8(const rtl::OUString& text)
{
    const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

inline rtl::OUString toOUString(std::string_view utf8)
{
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

// Runs `call` and translates what it throws: the caller's mistakes (InvalidInput) become
// IllegalArgumentException, everything else RuntimeException, both carrying the core's
// "[id] reason" message. UNO exceptions pass through unchanged.
template <class Call>
auto callCore(const css::uno::Reference<css::uno::XInterface>& source, Call&& call) -> decltype(call())
{
    try {
        return call();
    } catch (const css::uno::Exception&) {
        throw;
    } catch (const partnering::InvalidInput& e) {
        throw css::lang::IllegalArgumentException(toOUString(e.what()), source, 0);
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException(toOUString(e.what()), source);
    } catch (...) {
        throw css::uno::RuntimeException("[partnering.internal] unexpected failure in the Partnering Journey extension",
                                         source);
    }
}

} // namespace partnering::uno
