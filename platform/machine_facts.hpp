// Facts about the machine for a screen's heartbeat: free disk of a folder, and on a Raspberry Pi
// the SoC temperature and the firmware's throttling flags. Unknown facts come back empty.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace sf::platform {

struct MachineFacts {
  std::optional<std::uint64_t> freeDiskBytes;
  std::optional<double> temperatureC;
  std::optional<std::uint32_t> throttled;  // get_throttled bits: 0x1 under-voltage now, 0x4 throttled now, 0x50000 since boot …
};

// Where the facts are read; tests point them into a folder of their own.
struct MachineFactSources {
  std::string model = "/proc/device-tree/model";  // "Raspberry Pi 4 Model B Rev 1.4"
  std::string thermal = "/sys/class/thermal/thermal_zone0/temp";  // millidegrees Celsius
  std::string throttled = "/sys/devices/platform/soc/soc:firmware/get_throttled";  // hex, newer kernels
  std::string vcgencmd = "vcgencmd";  // "throttled=0x50005", where the sysfs file is missing
};

// Blocks for as long as vcgencmd takes when the sysfs file is missing (tens of milliseconds):
// call it off the UI thread. Temperature and throttling are read on a Raspberry Pi only, so an
// x86 box's ACPI zone is not reported as a SoC temperature.
MachineFacts readMachineFacts(const std::string& stateDir, const MachineFactSources& sources = {});

}  // namespace sf::platform
