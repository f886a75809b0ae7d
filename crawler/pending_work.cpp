#include "crawler/pending_work.h"

#include <fmt/format.h>

namespace jobcrawler::crawler {
namespace {

// Singular and plural, indexed by WorkKind.
constexpr std::array<std::pair<const char*, const char*>, static_cast<std::size_t>(WorkKind::kCount)>
    kKindNames = {{{"page fetch", "page fetches"},
                   {"robots.txt fetch", "robots.txt fetches"},
                   {"parse", "parses"},
                   {"page write", "page writes"},
                   {"lease", "leases"},
                   {"queued-time query", "queued-time queries"},
                   {"robots.txt lookup", "robots.txt lookups"},
                   {"robots.txt save", "robots.txt saves"},
                   {"sitemap add", "sitemap adds"}}};

}  // namespace

void WorkToken::Registration::Release() {
  if (released_.exchange(true)) return;
  state_->counts[static_cast<std::size_t>(kind_)].fetch_sub(1);
  if (state_->total.fetch_sub(1) != 1) return;
  // The last one: let the loop check whether it is done. A copy of the
  // callback travels, so that nothing here is touched after the post.
  state_->link->Post(state_->on_idle);
}

PendingWork::PendingWork(std::shared_ptr<LoopLink> link, std::function<void()> on_idle)
    : state_(std::make_shared<PendingWorkState>()) {
  state_->link = std::move(link);
  state_->on_idle = std::move(on_idle);
}

WorkToken PendingWork::Begin(WorkKind kind) {
  state_->counts[static_cast<std::size_t>(kind)].fetch_add(1);
  state_->total.fetch_add(1);
  return WorkToken(std::make_shared<WorkToken::Registration>(state_, kind));
}

std::string PendingWork::Describe() const {
  std::string out;
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    const int n = state_->counts[i].load();
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, n == 1 ? kKindNames[i].first : kKindNames[i].second);
  }
  return out;
}

}  // namespace jobcrawler::crawler
