#include "error/Error.hpp"

namespace partnering {

namespace {
std::string formatMessage(std::string_view id, std::string_view reason)
{
    std::string message;
    message.reserve(id.size() + reason.size() + 3);
    message.append("[").append(id).append("] ").append(reason);
    return message;
}
} // namespace

Error::Error(std::string_view id, std::string_view reason)
    : std::runtime_error(formatMessage(id, reason)), id_(id), reason_(reason)
{
}

} // namespace partnering
