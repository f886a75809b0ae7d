#include "app/monitor/webhook.h"

#include <fmt/format.h>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>
#include <optional>

#include "crawler/http_client.h"
#include "storage/export.h"

namespace jobcrawler::app {
namespace {

using Json = nlohmann::ordered_json;

// The receiver's answer is not used; this only bounds what we read of it.
constexpr std::size_t kMaxAnswerBytes = 64 * 1024;

Json OptionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json PostingObject(const storage::PostingRow& row) {
  const parsers::Posting& p = row.posting;
  Json object = Json::object();
  object["id"] = row.id;
  object["title"] = p.title;
  object["company"] = p.company;
  object["location"] = p.locality;
  object["postal_code"] = p.postal_code;
  object["url"] = row.url;
  object["salary_min"] = OptionalNumber(p.salary_min);
  object["salary_max"] = OptionalNumber(p.salary_max);
  object["salary_currency"] = p.salary_currency;
  object["salary_period"] = p.salary_period;
  object["first_seen"] = storage::FormatIsoUtc(row.first_seen);
  return object;
}

Json ClosedObject(const storage::PostingRow& row) {
  Json object = PostingObject(row);
  object["closed_at"] = row.closed_at > 0 ? Json(storage::FormatIsoUtc(row.closed_at)) : Json();
  object["closed_reason"] = row.closed_reason;
  return object;
}

std::string Describe(const crawler::FetchResult& result) {
  if (result.error != crawler::FetchError::kNone) return result.error_message;
  return fmt::format("HTTP {}", result.status);
}

}  // namespace

std::string WebhookJson(std::int64_t run_id, const std::vector<storage::PostingRow>& new_rows,
                        const std::vector<storage::PostingRow>& closed_rows) {
  Json body = Json::object();
  body["run"] = run_id;
  body["new"] = Json::array();
  for (const auto& row : new_rows) body["new"].push_back(PostingObject(row));
  body["closed"] = Json::array();
  for (const auto& row : closed_rows) body["closed"].push_back(ClosedObject(row));
  // replace: scraped text may hold invalid UTF-8; never throw over it.
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

storage::Status PostWebhook(const WebhookRequest& request) {
  crawler::FetchRequest fetch;
  fetch.url = request.url;
  fetch.method = "POST";
  fetch.body = request.json;
  fetch.user_agent = request.user_agent;
  fetch.timeout = request.timeout;
  fetch.connect_timeout = request.timeout;
  fetch.max_redirects = 0;
  fetch.max_body_bytes = kMaxAnswerBytes;
  // "Expect:" stops curl from waiting for a "100 Continue" on larger bodies.
  fetch.headers = {"Content-Type: application/json", "Expect:"};

  // The client must go before the io_context it runs on.
  boost::asio::io_context io;
  crawler::HttpClient client(io);
  std::optional<crawler::FetchResult> result;
  client.Fetch(std::move(fetch), [&](crawler::FetchResult r) { result = std::move(r); });
  while (!result && io.run_one() > 0) {
  }
  if (!result) return storage::Status::Error("webhook " + request.url + ": no answer");
  const bool ok =
      result->error == crawler::FetchError::kNone && result->status >= 200 && result->status < 300;
  if (ok) return storage::Status::Ok();
  return storage::Status::Error("webhook " + request.url + " failed: " + Describe(*result));
}

}  // namespace jobcrawler::app
