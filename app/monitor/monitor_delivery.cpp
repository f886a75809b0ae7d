#include "app/monitor/monitor_delivery.h"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "app/monitor/monitor_report.h"
#include "app/monitor/webhook.h"

namespace jobcrawler::app {
namespace {

// Keeps the news postings the matcher matches now (the config's current
// rules, as export judges them), with `matched` set: a first run records
// thousands of new postings and a report delivers the few that match.
storage::NewsFilter MatchedNews(const parsers::Matcher& matcher) {
  return [&matcher](storage::PostingRow& row) {
    row.matched = matcher.Match(row.posting).matched();
    return row.matched;
  };
}

bool HasNews(const RunMonitoring& run) {
  return !run.new_matched.empty() || !run.closed_matched.empty();
}

void PostNews(const Config& config, const RunMonitoring& run, std::ostream& err) {
  if (!HasNews(run) || config.monitoring.webhook_url.empty()) return;
  WebhookRequest request;
  request.url = config.monitoring.webhook_url;
  request.json = WebhookJson(run.run_id, run.new_matched, run.closed_matched);
  request.user_agent = config.crawler.user_agent;
  // A failing webhook is reported, but the crawl itself went fine.
  if (storage::Status sent = PostWebhook(request); !sent.ok()) {
    err << "jobcrawler: " << sent.message() << '\n';
  }
}

// Writes one run's warnings, report and webhook.
storage::Status Deliver(const Config& config, const RunMonitoring& run, MonitoringOutput& output) {
  for (const SourceWarning& warning : run.warnings) output.err << warning.message << '\n';
  if (output.report_new && HasNews(run)) {
    if (output.reported) output.out << '\n';
    output.reported = true;
    WriteNewReport(output.out, run.run_id, run.new_matched, run.closed_matched);
    output.out.flush();
    if (!output.out) {
      return storage::Status::Error(fmt::format(
          "writing the news of run {} failed; the next crawl reports it again", run.run_id));
    }
  }
  PostNews(config, run, output.err);
  return storage::Status::Ok();
}

}  // namespace

storage::Result<std::vector<RunMonitoring>> FinishMonitoring(storage::Store& store,
                                                             const Config& config,
                                                             const parsers::Matcher& matcher,
                                                             MonitoringOutput& output,
                                                             storage::UnixMillis now) {
  auto pending = store.RunsPendingMonitoring();
  if (!pending.ok()) return pending.status();
  std::map<std::int64_t, std::vector<SourceWarning>> warnings;
  for (std::int64_t run_id : pending.value()) {
    auto monitored = MonitorCompletedRun(store, config, run_id, now);
    if (!monitored.ok()) return monitored.status();
    warnings[run_id] = std::move(monitored).value();
  }
  auto news = store.UndeliveredNews(MatchedNews(matcher));
  if (!news.ok()) return news.status();
  std::vector<RunMonitoring> delivered;
  for (storage::RunNews& run_news : news.value()) {
    RunMonitoring run;
    run.run_id = run_news.run_id;
    run.closed_total = run_news.closed_total;
    run.new_matched = std::move(run_news.new_postings);
    run.closed_matched = std::move(run_news.closed_postings);
    run.warnings = std::move(warnings[run.run_id]);
    if (output.explain_warnings) output.explain_warnings(run.run_id, run.warnings);
    if (storage::Status status = Deliver(config, run, output); !status.ok()) return status;
    if (storage::Status marked = store.MarkNewsDelivered(run.run_id, now); !marked.ok()) {
      return marked;
    }
    delivered.push_back(std::move(run));
  }
  return delivered;
}

RunMonitoring MonitoringOf(const std::vector<RunMonitoring>& delivered, std::int64_t run_id) {
  for (const RunMonitoring& run : delivered) {
    if (run.run_id == run_id) return run;
  }
  return RunMonitoring{};
}

}  // namespace jobcrawler::app
