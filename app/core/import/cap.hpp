// The importer for CAP 1.2 alerts (Common Alerting Protocol), what public warning systems send
// and signage takes emergencies from: one alert, or an Atom index whose entries embed alerts.
#pragma once
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

// Each alert still in force becomes one announcement: the headline as title, description and
// instruction as text, one text per <info> language ("en-CA" becomes "en"), from onset or
// effective (else sent) to expires, priority by severity. An Update or Cancel replaces the
// alerts its <references> name; a Cancel itself shows nothing. Needs opts.parseXml.
ImportResult importCap(std::string_view text, const ImportOptions& opts);

// XML whose root is <alert> in the CAP namespace, or an Atom <feed> that mentions CAP: 4.
int recogniseCap(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
