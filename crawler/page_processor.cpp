#include "crawler/page_processor.h"

#include <cctype>
#include <chrono>
#include <cstdint>
#include <unordered_set>

#include <fmt/format.h>

#include "crawler/url.h"
#include "parsers/html/charset.h"
#include "parsers/extract/page_extractor.h"
#include "parsers/extract/sitemap.h"

namespace jobcrawler::crawler {
namespace {

// "2026-11-20": the UTC date of `now`, for relative dates on the page.
std::string IsoDateUtc(storage::UnixMillis now) {
  const auto day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(now)));
  const std::chrono::year_month_day date(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The URL links on the page are relative to: <base href> when present.
std::string BaseUrl(const FetchResult& result, const parsers::PageExtraction& page) {
  std::string page_url = result.final_url.empty() ? result.url : result.final_url;
  if (!page.base_href.empty()) {
    if (auto base = ResolveUrl(page_url, page.base_href)) return *base;
  }
  return page_url;
}

void AddLinks(const parsers::PageExtraction& page, std::string_view base,
              const PageContext& context, storage::PageWrite& write) {
  const storage::FrontierEntry& entry = *context.entry;
  if (entry.depth >= context.max_depth) return;
  std::unordered_set<std::string> seen;
  for (const std::string& href : page.links) {
    std::optional<std::string> url = ResolveUrl(base, href);
    if (!url || !seen.insert(*url).second) continue;
    if (*url == entry.url || !context.scope->Allows(*url)) continue;
    std::optional<std::string> host = HostKey(*url);
    if (!host) continue;
    write.links.push_back(storage::FrontierAdd{.url = std::move(*url),
                                               .host_key = std::move(*host),
                                               .source = entry.source,
                                               .depth = entry.depth + 1,
                                               .not_before = 0});
  }
}

void AddSightings(parsers::PageExtraction& page, std::string_view base,
                  const PageContext& context, storage::PageWrite& write) {
  for (parsers::Posting& posting : page.postings) {
    std::optional<std::string> url;
    if (!posting.url.empty()) url = ResolveUrl(base, posting.url);
    if (!url && !page.canonical.empty()) url = ResolveUrl(base, page.canonical);
    posting.url = url ? *url : context.entry->url;
    bool matched = context.matcher->Match(posting).matched();
    write.sightings.push_back(storage::Sighting{
        .posting = std::move(posting), .page_url = context.entry->url, .matched = matched});
  }
}

// A sitemap the crawler queued itself: an XML (or gzip) body at a URL that
// says "sitemap".
bool LooksLikeSitemap(const FetchResult& result, std::string_view url) {
  std::string lower = Lower(url);
  if (lower.find("sitemap") == std::string::npos) return false;
  std::string type = Lower(result.content_type);
  bool gzip = result.body.size() >= 2 && static_cast<unsigned char>(result.body[0]) == 0x1f &&
              static_cast<unsigned char>(result.body[1]) == 0x8b;
  return gzip || type.find("xml") != std::string::npos || type.find("gzip") != std::string::npos;
}

// Child sitemaps of an index stay on the sitemap's site (they are not pages,
// so the follow rules do not apply to them), are one level deeper, at most
// kMaxSitemapDepth, and each takes one from the host's sitemap budget; the
// URLs a sitemap lists must pass the source's scope, its follow rules.
void AddSitemapLinks(const FetchResult& result, const PageContext& context,
                     storage::PageWrite& write) {
  // Real indexes are one level deep (sitemaps.org allows no nesting); two
  // levels leave room for the odd site, and an index of indexes ends there.
  constexpr int kMaxSitemapDepth = 2;
  const storage::FrontierEntry& entry = *context.entry;
  parsers::Sitemap sitemap = parsers::ParseSitemap(result.body);
  if (!sitemap.errors.empty()) write.page.error = "sitemap: " + sitemap.errors.front();
  if (entry.depth >= context.max_depth) return;
  if (sitemap.is_index && entry.depth >= kMaxSitemapDepth) {
    write.page.error = "sitemap index nested too deep; its sitemaps are not read";
    return;
  }
  for (const std::string& loc : sitemap.urls) {
    std::optional<std::string> url = ResolveUrl(entry.url, loc);
    if (!url) continue;
    if (sitemap.is_index ? SiteKey(*url) != SiteKey(entry.url) : !context.scope->Allows(*url)) {
      continue;
    }
    std::optional<std::string> host = HostKey(*url);
    if (!host) continue;
    if (sitemap.is_index && context.sitemap_budget && context.sitemap_budget->fetch_sub(1) <= 0) {
      write.page.error = "the host's sitemap budget is spent; further sitemaps are not read";
      break;
    }
    write.links.push_back(storage::FrontierAdd{.url = std::move(*url),
                                               .host_key = std::move(*host),
                                               .source = entry.source,
                                               .depth = entry.depth + 1,
                                               .not_before = 0});
  }
}

}  // namespace

bool IsHtmlContentType(std::string_view content_type) {
  std::string type = Lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

std::string ContentHash(std::string_view body) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

storage::PageOutcome MakeOutcome(const FetchResult& result,
                                 const storage::FrontierEntry& entry,
                                 storage::UnixMillis now) {
  storage::PageOutcome page;
  page.frontier_id = entry.id;
  page.url = entry.url;
  page.final_url = result.final_url.empty() ? result.url : result.final_url;
  page.source = entry.source;
  page.http_status = static_cast<int>(result.status);
  page.content_type = result.content_type;
  page.etag = result.etag;
  page.last_modified = result.last_modified;
  if (!result.body.empty()) page.content_hash = ContentHash(result.body);
  page.bytes = static_cast<std::int64_t>(result.body.size());
  page.truncated = result.truncated;
  page.error = result.error_message;
  page.fetched_at = now;
  return page;
}

storage::PageWrite ProcessPage(const FetchResult& result, const PageContext& context,
                               std::string* signature) {
  storage::PageWrite write;
  write.page = MakeOutcome(result, *context.entry, context.now);
  bool ok = result.error == FetchError::kNone && result.status >= 200 && result.status < 300;
  if (!ok) return write;
  if (!context.entry->content_hash.empty() && write.page.content_hash == context.entry->content_hash &&
      !result.truncated) {
    // Same bytes as last time: the store replays links and postings.
    write.unchanged = true;
    write.depth = context.entry->depth;
    return write;
  }
  if (LooksLikeSitemap(result, context.entry->url)) {
    AddSitemapLinks(result, context, write);
    return write;
  }
  if (!IsHtmlContentType(result.content_type)) return write;
  // gumbo reads UTF-8 only: decode legacy charsets (ISO-8859-1 and friends) first.
  parsers::DecodedBody decoded = parsers::DecodeHtml(result.body, result.content_type);
  parsers::PageExtraction page = parsers::ExtractPage(
      decoded.utf8, {.profile = &context.scope->profile(), .today = IsoDateUtc(context.now)});
  if (signature) *signature = page.page_signature;
  // A page read only in part must say so: what lies behind the cut is lost.
  if (!page.nesting_cut.empty()) write.page.error = page.nesting_cut;
  std::string base = BaseUrl(result, page);
  AddLinks(page, base, context, write);
  AddSightings(page, base, context, write);
  return write;
}

}  // namespace jobcrawler::crawler
