// The monitoring webhook: after a completed crawl that found new or closed
// matched postings, one JSON POST to [monitoring] webhook_url:
//
//   {"run": 12,
//    "new":    [{"id", "title", "company", "location", "postal_code", "url",
//                "salary_min", "salary_max", "salary_currency",
//                "salary_period", "first_seen"}, ...],
//    "closed": [{... the same, plus "closed_at", "closed_reason"}, ...]}
//
// salary_min/salary_max are numbers or null; dates are ISO 8601 UTC. Invalid
// UTF-8 in scraped text becomes U+FFFD. A failing webhook is the caller's to
// report; it never fails the crawl.
#ifndef JOBCRAWLER_APP_MONITOR_WEBHOOK_H_
#define JOBCRAWLER_APP_MONITOR_WEBHOOK_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/status.h"
#include "storage/store.h"

namespace jobcrawler::app {

// The request body described above.
std::string WebhookJson(std::int64_t run_id, const std::vector<storage::PostingRow>& new_rows,
                        const std::vector<storage::PostingRow>& closed_rows);

struct WebhookRequest {
  std::string url;  // http(s)
  std::string json;
  std::string user_agent = "jobcrawler";
  // A webhook receiver answers at once; one that does not must not hold up
  // the cron job for long.
  std::chrono::milliseconds timeout{10000};
};

// POSTs request.json with Content-Type application/json and waits for the
// answer (blocking; runs its own event loop). Ok on a 2xx answer; otherwise
// an error naming the URL and the HTTP status or transport error. Redirects
// are not followed (curl would turn the POST into a GET).
storage::Status PostWebhook(const WebhookRequest& request);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_WEBHOOK_H_
