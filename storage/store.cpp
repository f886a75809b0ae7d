#include "storage/store.h"

namespace jobcrawler::storage {

std::string_view RunStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::kRunning:
      return "running";
    case RunStatus::kCompleted:
      return "completed";
    case RunStatus::kInterrupted:
      return "interrupted";
    case RunStatus::kFailed:
      return "failed";
  }
  return "unknown";
}

std::string_view FeedWalkStateName(FeedWalkState state) {
  switch (state) {
    case FeedWalkState::kMore:
      return "more";
    case FeedWalkState::kComplete:
      return "complete";
    case FeedWalkState::kIncomplete:
      return "incomplete";
  }
  return "unknown";
}

}  // namespace jobcrawler::storage
