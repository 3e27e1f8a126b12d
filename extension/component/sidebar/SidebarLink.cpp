#include "sidebar/SidebarLink.hpp"

#include <algorithm>

namespace partnering::uno {

using css::uno::Reference;
using css::uno::XInterface;

SidebarLink::SidebarLink(std::chrono::steady_clock::duration requestLifetime) : requestLifetime_(requestLifetime) {}

SidebarLink& SidebarLink::instance()
{
    static SidebarLink link;
    return link;
}

void SidebarLink::forgetTheDead()
{
    const auto now = std::chrono::steady_clock::now();
    links_.erase(std::remove_if(links_.begin(), links_.end(),
                                [](const Link& link) {
                                    return !Reference<XInterface>(link.panel).is() || !Reference<XInterface>(link.frame).is();
                                }),
                 links_.end());
    requests_.erase(std::remove_if(requests_.begin(), requests_.end(),
                                   [&](const Request& request) {
                                       return now - request.at > requestLifetime_ || !Reference<XInterface>(request.frame).is();
                                   }),
                    requests_.end());
}

std::optional<int> SidebarLink::attach(const Reference<XInterface>& frame, const Reference<XInterface>& panel)
{
    // Normalised to XInterface so that one object always compares equal to itself.
    const Reference<XInterface> frameObject(frame, css::uno::UNO_QUERY);
    const Reference<XInterface> panelObject(panel, css::uno::UNO_QUERY);
    std::lock_guard lock(mutex_);
    forgetTheDead();
    links_.push_back({frameObject, panelObject});
    const auto request = std::find_if(requests_.begin(), requests_.end(), [&](const Request& each) {
        return Reference<XInterface>(each.frame) == frameObject;
    });
    if (request == requests_.end())
        return std::nullopt;
    const int step = request->step;
    requests_.erase(request);
    return step;
}

void SidebarLink::detach(const Reference<XInterface>& panel)
{
    const Reference<XInterface> panelObject(panel, css::uno::UNO_QUERY);
    std::lock_guard lock(mutex_);
    links_.erase(std::remove_if(links_.begin(), links_.end(),
                                [&](const Link& link) { return Reference<XInterface>(link.panel) == panelObject; }),
                 links_.end());
    forgetTheDead();
}

void SidebarLink::showStep(const Reference<XInterface>& frame, int step)
{
    const Reference<XInterface> frameObject(frame, css::uno::UNO_QUERY);
    std::vector<Reference<XInterface>> panels; // held strongly while they are called
    {
        std::lock_guard lock(mutex_);
        forgetTheDead();
        for (const auto& link : links_) {
            if (Reference<XInterface>(link.frame) != frameObject)
                continue;
            Reference<XInterface> panel(link.panel);
            if (panel.is())
                panels.push_back(std::move(panel));
        }
        requests_.erase(std::remove_if(requests_.begin(), requests_.end(),
                                       [&](const Request& request) { return Reference<XInterface>(request.frame) == frameObject; }),
                        requests_.end());
        requests_.push_back({frameObject, step, std::chrono::steady_clock::now()});
    }
    for (const auto& panel : panels) {
        if (auto* view = dynamic_cast<StepView*>(panel.get()))
            view->showStep(step);
    }
}

std::size_t SidebarLink::livePanels()
{
    std::lock_guard lock(mutex_);
    forgetTheDead();
    return links_.size();
}

} // namespace partnering::uno
