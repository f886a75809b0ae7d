// The crawl loop's view of what it could reach: hosts that answered or
// failed at the network level, the sources behind them, the early end when
// the network itself is down; and URLs of sources that are no longer
// configured. See crawl_loop.h.
#include <utility>

#include <fmt/format.h>

#include "crawler/crawl_loop.h"

namespace jobcrawler::crawler {

const SourceScope* Crawler::Loop::ScopeFor(const std::string& source) {
  auto it = scopes_->find(source);
  return it == scopes_->end() ? nullptr : it->second.get();
}

// A URL of a source that is not in the config (renamed or disabled since it
// was queued, or replayed from links an earlier run recorded under it) is
// dropped from the run: recorded as done with the reason, so that it is not
// leased again. The summary names each such source once.
void Crawler::Loop::DropUnknownSource(storage::FrontierEntry entry) {
  ++summary_.dropped_sources[entry.source];
  Write(Unfetched(entry, fmt::format("source \"{}\" is not in the config", entry.source)));
}

void Crawler::Loop::NoteAnswer(const std::string& host_key) {
  answered_hosts_.insert(host_key);
}

bool Crawler::Loop::NoteNetworkFailure(const std::string& host_key, const std::string& reason) {
  network_failures_.emplace(host_key, reason);  // the first reason stays
  if (stopping_ || !NetworkDown()) return false;
  summary_.network_down = true;
  Stop(storage::RunStatus::kInterrupted);
  return true;
}

// True when no host has answered in this run, at least kMinHostsForNetworkDown
// hosts failed at the network level, and every configured source has URLs on
// hosts that all failed so. A source with a host not yet tried keeps the run
// going: it may still answer. With a single host there is no telling the site
// from the network: that is a source that could not be reached.
bool Crawler::Loop::NetworkDown() const {
  constexpr std::size_t kMinHostsForNetworkDown = 2;
  if (!answered_hosts_.empty() || network_failures_.size() < kMinHostsForNetworkDown) {
    return false;
  }
  for (const Source& source : sources_) {
    auto hosts = source_hosts_.find(source.name);
    if (hosts == source_hosts_.end() || hosts->second.empty()) return false;
    for (const std::string& host : hosts->second) {
      if (!network_failures_.count(host)) return false;
    }
  }
  return true;
}

// The URL's host could not be reached within its attempts.
void Crawler::Loop::RecordUnreachable(storage::FrontierEntry entry, const std::string& reason) {
  ++summary_.progress.unreachable;
  Write(Unfetched(entry, "host unreachable: " + reason));
}

// Fills the summary's unreachable hosts and sources: those that failed at
// the network level and never answered in this run.
void Crawler::Loop::SummarizeReach() {
  for (const auto& [host, reason] : network_failures_) {
    if (!answered_hosts_.count(host)) summary_.unreachable_hosts.emplace(host, reason);
  }
  for (const auto& [source, hosts] : source_hosts_) {
    std::string first_reason;
    bool any_answer = false;
    for (const std::string& host : hosts) {
      any_answer = any_answer || answered_hosts_.count(host) > 0;
      auto failure = summary_.unreachable_hosts.find(host);
      if (first_reason.empty() && failure != summary_.unreachable_hosts.end()) {
        first_reason = failure->second;
      }
    }
    if (!any_answer && !first_reason.empty()) {
      summary_.unreachable_sources.emplace(source, first_reason);
    }
  }
}

}  // namespace jobcrawler::crawler
