// RRULE parsing and date generation for FREQ=DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT,
// UNTIL, BYDAY (with ordinals), BYMONTHDAY and BYMONTH: what calendars for events actually use.
#include "core/import/ics_recurrence.hpp"

#include <algorithm>
#include <charconv>

namespace sf::core {
namespace {

using namespace std::chrono;

std::optional<int> toInt(std::string_view s) {
  int v = 0;
  if (s.starts_with('+')) s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto e = s.find(sep, pos);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(pos, e - pos));
    pos = e + 1;
  }
  return out;
}

std::optional<int> weekdayOf(std::string_view s) {
  static constexpr std::string_view names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  for (int i = 0; i < 7; ++i)
    if (s == names[i]) return i;
  return std::nullopt;
}

int weekday(Date d) { return static_cast<int>(std::chrono::weekday{d}.c_encoding()); }

// The dates of one month that the BYDAY / BYMONTHDAY parts select, or the default day.
std::vector<Date> monthDates(const RecurrenceRule& r, year_month ym, unsigned defaultDay) {
  std::vector<Date> out;
  const Date firstOfMonth{ym / day{1}};
  const Date lastOfMonth{ym / last};
  const int len = static_cast<int>((lastOfMonth - firstOfMonth).count()) + 1;
  auto dayOk = [&](Date d) {
    if (r.byMonthDay.empty()) return true;
    const int dom = static_cast<int>((d - firstOfMonth).count()) + 1;
    return std::any_of(r.byMonthDay.begin(), r.byMonthDay.end(), [&](int md) { return md > 0 ? md == dom : len + md + 1 == dom; });
  };
  if (!r.byDay.empty()) {
    for (const auto& [ord, wd] : r.byDay) {
      std::vector<Date> all;
      for (Date d = firstOfMonth; d <= lastOfMonth; d += days{1})
        if (weekday(d) == wd) all.push_back(d);
      if (ord == 0) out.insert(out.end(), all.begin(), all.end());
      else if (ord > 0 && ord <= static_cast<int>(all.size())) out.push_back(all[ord - 1]);
      else if (ord < 0 && -ord <= static_cast<int>(all.size())) out.push_back(all[all.size() + ord]);
    }
    std::erase_if(out, [&](Date d) { return !dayOk(d); });
  } else if (!r.byMonthDay.empty()) {
    for (int md : r.byMonthDay) {
      const int dom = md > 0 ? md : len + md + 1;
      if (dom >= 1 && dom <= len) out.push_back(firstOfMonth + days{dom - 1});
    }
  } else if (static_cast<int>(defaultDay) <= len) {
    out.push_back(firstOfMonth + days{defaultDay - 1});  // a 31st skips shorter months (RFC 5545)
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::optional<RecurrenceRule> parseRecurrenceRule(std::string_view value, std::string& error, std::vector<std::string>& ignored) {
  RecurrenceRule r;
  bool haveFreq = false;
  for (auto part : split(value, ';')) {
    if (part.empty()) continue;
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) {
      error = "expected NAME=VALUE parts, found \"" + std::string(part) + "\"";
      return std::nullopt;
    }
    const auto name = part.substr(0, eq), val = part.substr(eq + 1);
    if (name == "FREQ") {
      haveFreq = true;
      if (val == "DAILY") r.freq = Frequency::Daily;
      else if (val == "WEEKLY") r.freq = Frequency::Weekly;
      else if (val == "MONTHLY") r.freq = Frequency::Monthly;
      else if (val == "YEARLY") r.freq = Frequency::Yearly;
      else {
        error = "FREQ=" + std::string(val) + " is not supported; expected DAILY, WEEKLY, MONTHLY or YEARLY";
        return std::nullopt;
      }
    } else if (name == "INTERVAL") {
      auto n = toInt(val);
      if (!n || *n < 1) {
        error = "expected INTERVAL as a whole number of at least 1, found \"" + std::string(val) + "\"";
        return std::nullopt;
      }
      r.interval = *n;
    } else if (name == "COUNT") {
      auto n = toInt(val);
      if (!n || *n < 1) {
        error = "expected COUNT as a whole number of at least 1, found \"" + std::string(val) + "\"";
        return std::nullopt;
      }
      r.count = *n;
    } else if (name == "UNTIL") {
      r.until = std::string(val);
    } else if (name == "BYDAY") {
      for (auto d : split(val, ',')) {
        const auto wd = d.size() >= 2 ? weekdayOf(d.substr(d.size() - 2)) : std::nullopt;
        const auto ordText = d.substr(0, d.size() >= 2 ? d.size() - 2 : 0);
        const auto ord = ordText.empty() ? std::optional<int>(0) : toInt(ordText);
        if (!wd || !ord || *ord < -53 || *ord > 53) {
          error = "expected BYDAY days such as MO, 2TU or -1FR, found \"" + std::string(d) + "\"";
          return std::nullopt;
        }
        r.byDay.emplace_back(*ord, *wd);
      }
    } else if (name == "BYMONTHDAY" || name == "BYMONTH") {
      for (auto d : split(val, ',')) {
        const auto n = toInt(d);
        const int hi = name == "BYMONTH" ? 12 : 31;
        if (!n || *n == 0 || *n > hi || *n < (name == "BYMONTH" ? 1 : -31)) {
          error = "expected " + std::string(name) + " values from 1 to " + std::to_string(hi) + ", found \"" + std::string(d) + "\"";
          return std::nullopt;
        }
        (name == "BYMONTH" ? r.byMonth : r.byMonthDay).push_back(*n);
      }
    } else if (name == "WKST") {
      if (auto wd = weekdayOf(val)) r.weekStart = *wd;
    } else {
      ignored.emplace_back(name);
    }
  }
  if (!haveFreq) {
    error = "the rule has no FREQ";
    return std::nullopt;
  }
  return r;
}

void forEachRecurrenceDate(const RecurrenceRule& r, Date first, const std::function<bool(Date)>& visit) {
  if (!visit(first)) return;
  auto monthOk = [&](Date d) {
    if (r.byMonth.empty()) return true;
    const int m = static_cast<int>(static_cast<unsigned>(year_month_day{d}.month()));
    return std::find(r.byMonth.begin(), r.byMonth.end(), m) != r.byMonth.end();
  };
  auto emit = [&](const std::vector<Date>& ds) {  // false: stop
    for (Date d : ds)
      if (d > first && monthOk(d) && !visit(d)) return false;
    return true;
  };
  constexpr int kMaxPeriods = 20000;  // ~55 years of days; bounds rules that never match
  const year_month_day ymd0{first};
  for (int k = 1 - (r.freq == Frequency::Daily ? 0 : 1); k < kMaxPeriods; ++k) {
    std::vector<Date> ds;
    switch (r.freq) {
      case Frequency::Daily: {
        const Date d = first + days{static_cast<long>(k) * r.interval};
        const bool dayOk = r.byDay.empty() || std::any_of(r.byDay.begin(), r.byDay.end(), [&](auto b) { return b.second == weekday(d); });
        const int dom = static_cast<int>(static_cast<unsigned>(year_month_day{d}.day()));
        const bool domOk = r.byMonthDay.empty() || std::find(r.byMonthDay.begin(), r.byMonthDay.end(), dom) != r.byMonthDay.end();
        if (dayOk && domOk) ds.push_back(d);
        break;
      }
      case Frequency::Weekly: {
        const Date weekBegin = first - days{(weekday(first) - r.weekStart + 7) % 7};
        const Date base = weekBegin + days{7L * k * r.interval};
        std::vector<int> offsets;
        if (r.byDay.empty()) offsets.push_back((weekday(first) - r.weekStart + 7) % 7);
        for (const auto& b : r.byDay) offsets.push_back((b.second - r.weekStart + 7) % 7);
        std::sort(offsets.begin(), offsets.end());
        for (int o : offsets) ds.push_back(base + days{o});
        ds.erase(std::unique(ds.begin(), ds.end()), ds.end());
        break;
      }
      case Frequency::Monthly: {
        const year_month ym = year_month{ymd0.year(), ymd0.month()} + months{static_cast<long>(k) * r.interval};
        ds = monthDates(r, ym, static_cast<unsigned>(ymd0.day()));
        break;
      }
      case Frequency::Yearly: {
        const year y = ymd0.year() + years{static_cast<long>(k) * r.interval};
        std::vector<int> ms = r.byMonth;
        if (ms.empty()) ms.push_back(static_cast<int>(static_cast<unsigned>(ymd0.month())));
        std::sort(ms.begin(), ms.end());
        for (int m : ms) {
          auto md = monthDates(r, year_month{y, month{static_cast<unsigned>(m)}}, static_cast<unsigned>(ymd0.day()));
          ds.insert(ds.end(), md.begin(), md.end());
        }
        break;
      }
    }
    if (!emit(ds)) return;
  }
}

}  // namespace sf::core
