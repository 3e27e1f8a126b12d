// The Partnering menu's commands, one class each, created by the protocol handler for the
// URL org.partnering.journey:<name>.
#pragma once

#include "dispatch/CommandDispatch.hpp"

#include <rtl/ref.hxx>

namespace partnering::uno {

using CommandFactory = rtl::Reference<CommandDispatch> (*)(const css::uno::Reference<css::uno::XComponentContext>&,
                                                           const css::uno::Reference<css::frame::XFrame>&);

// Each defined in its own <Name>Command.cpp.
rtl::Reference<CommandDispatch> makeAboutCommand(const css::uno::Reference<css::uno::XComponentContext>&,
                                                 const css::uno::Reference<css::frame::XFrame>&);
rtl::Reference<CommandDispatch> makeCheckAgreementCommand(const css::uno::Reference<css::uno::XComponentContext>&,
                                                          const css::uno::Reference<css::frame::XFrame>&);
rtl::Reference<CommandDispatch> makeJourneyWizardCommand(const css::uno::Reference<css::uno::XComponentContext>&,
                                                         const css::uno::Reference<css::frame::XFrame>&);
rtl::Reference<CommandDispatch> makeLessonsCommand(const css::uno::Reference<css::uno::XComponentContext>&,
                                                   const css::uno::Reference<css::frame::XFrame>&);

} // namespace partnering::uno
