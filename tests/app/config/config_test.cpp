#include "app/config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "app/config/config_checks.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kRepoRoot = JOBCRAWLER_TEST_DATA_DIR "/../..";

Config Parse(std::string_view text) { return ParseConfig(text, "config.toml"); }

// The ConfigError message for `text`, or "no error".
std::string ErrorOf(std::string_view text) {
  try {
    Parse(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void ExpectSameCrawlerOptions(const crawler::CrawlerOptions& a,
                              const crawler::CrawlerOptions& b) {
  EXPECT_EQ(a.user_agent, b.user_agent);
  EXPECT_EQ(a.concurrency, b.concurrency);
  EXPECT_EQ(a.per_host_concurrency, b.per_host_concurrency);
  EXPECT_EQ(a.per_host_delay_ms, b.per_host_delay_ms);
  EXPECT_EQ(a.timeout_seconds, b.timeout_seconds);
  EXPECT_EQ(a.connect_timeout_seconds, b.connect_timeout_seconds);
  EXPECT_EQ(a.max_depth, b.max_depth);
  EXPECT_EQ(a.max_pages, b.max_pages);
  EXPECT_EQ(a.max_body_bytes, b.max_body_bytes);
  EXPECT_EQ(a.max_redirects, b.max_redirects);
  EXPECT_EQ(a.max_attempts, b.max_attempts);
  EXPECT_EQ(a.respect_robots_txt, b.respect_robots_txt);
  EXPECT_EQ(a.max_crawl_delay_seconds, b.max_crawl_delay_seconds);
  EXPECT_EQ(a.parse_threads, b.parse_threads);
  EXPECT_EQ(a.use_sitemaps, b.use_sitemaps);
  EXPECT_EQ(a.low_speed_limit_bytes, b.low_speed_limit_bytes);
  EXPECT_EQ(a.low_speed_time_seconds, b.low_speed_time_seconds);
}

constexpr char kSource[] =
    "[[sources]]\n"                            // 1
    "name = \"board\"\n"                       // 2
    "start_urls = [\"https://a.example/\"]\n"  // 3
    "follow = ['^https://a\\.example/job/']\n";  // 4

// ---- Reading values ----

TEST(Config, EmptyTextKeepsEveryDefault) {
  const Config config = Parse("");
  ExpectSameCrawlerOptions(config.crawler, crawler::CrawlerOptions{});
  EXPECT_EQ(config.storage.database, StorageConfig{}.database);
  EXPECT_EQ(config.match.titles, parsers::MatchRules::DefaultTitles());
  EXPECT_EQ(config.match.exclude_titles, parsers::MatchRules::DefaultExcludeTitles());
  EXPECT_EQ(config.match.locations, parsers::MatchRules{}.locations);
  EXPECT_TRUE(config.sources.empty());
}

TEST(Config, ReadsEveryCrawlerKey) {
  const Config config = Parse(
      "[crawler]\n"
      "user_agent = \"test-bot/1.0\"\n"
      "concurrency = 7\n"
      "per_host_concurrency = 3\n"
      "per_host_delay_ms = 250\n"
      "timeout_seconds = 11\n"
      "connect_timeout_seconds = 4\n"
      "max_depth = 0\n"
      "max_pages = 10000000\n"
      "max_body_bytes = 1024\n"
      "max_redirects = 0\n"
      "max_attempts = 20\n"
      "respect_robots_txt = false\n"
      "max_crawl_delay_seconds = 86400\n"
      "parse_threads = 256\n"
      "use_sitemaps = false\n"
      "low_speed_limit_bytes = 0\n"
      "low_speed_time_seconds = 5\n");
  const crawler::CrawlerOptions& c = config.crawler;
  EXPECT_EQ(c.user_agent, "test-bot/1.0");
  EXPECT_EQ(c.concurrency, 7);
  EXPECT_EQ(c.per_host_concurrency, 3);
  EXPECT_EQ(c.per_host_delay_ms, 250);
  EXPECT_EQ(c.timeout_seconds, 11);
  EXPECT_EQ(c.connect_timeout_seconds, 4);
  EXPECT_EQ(c.max_depth, 0);
  EXPECT_EQ(c.max_pages, 10'000'000);
  EXPECT_EQ(c.max_body_bytes, 1024u);
  EXPECT_EQ(c.max_redirects, 0);
  EXPECT_EQ(c.max_attempts, 20);
  EXPECT_FALSE(c.respect_robots_txt);
  EXPECT_EQ(c.max_crawl_delay_seconds, 86400);
  EXPECT_EQ(c.parse_threads, 256);
  EXPECT_FALSE(c.use_sitemaps);
  EXPECT_EQ(c.low_speed_limit_bytes, 0);
  EXPECT_EQ(c.low_speed_time_seconds, 5);
}

TEST(Config, MissingCrawlerKeysKeepDefaults) {
  const Config config = Parse("[crawler]\nconcurrency = 3\n");
  EXPECT_EQ(config.crawler.concurrency, 3);
  EXPECT_EQ(config.crawler.max_pages, crawler::CrawlerOptions{}.max_pages);
}

TEST(Config, ReadsStorageDatabase) {
  EXPECT_EQ(Parse("[storage]\ndatabase = \"/var/lib/jobs.db\"\n").storage.database,
            "/var/lib/jobs.db");
}

TEST(Config, ReadsMonitoring) {
  const Config config = Parse(
      "[monitoring]\nclose_after_missed_runs = 5\n"
      "webhook_url = \"https://hooks.example.org/jobs\"\n");
  EXPECT_EQ(config.monitoring.close_after_missed_runs, 5);
  EXPECT_EQ(config.monitoring.webhook_url, "https://hooks.example.org/jobs");
}

TEST(Config, MonitoringDefaultsToThreeMissedRunsAndNoWebhook) {
  const Config config = Parse("");
  EXPECT_EQ(config.monitoring.close_after_missed_runs, 3);
  EXPECT_EQ(config.monitoring.webhook_url, "");
}

TEST(ConfigError, MonitoringKeysAreChecked) {
  EXPECT_EQ(ErrorOf("[monitoring]\nclose_after_missed_runs = 0\n"),
            "config.toml:2: monitoring.close_after_missed_runs: must be between 1 and 100, got 0");
  EXPECT_EQ(ErrorOf("[monitoring]\n\nwebhook_url = \"ftp://example.org/\"\n"),
            "config.toml:3: monitoring.webhook_url: not an absolute http(s) URL: "
            "\"ftp://example.org/\"");
  EXPECT_THAT(ErrorOf("[monitoring]\nclose_after_missed_run = 2\n"),
              HasSubstr("did you mean monitoring.close_after_missed_runs?"));
}

TEST(Config, ReadsReportLocaleDefaultingToEnglish) {
  EXPECT_EQ(Parse("").report.locale, "en");
  EXPECT_EQ(Parse("[report]\nlocale = \"de\"\n").report.locale, "de");
}

TEST(ConfigError, ReportKeysAreChecked) {
  EXPECT_EQ(ErrorOf("[report]\n\nlocale = \"fr\"\n"),
            "config.toml:3: report.locale: must be \"en\" or \"de\", got \"fr\"");
  EXPECT_EQ(ErrorOf("[report]\nlocal = \"de\"\n"),
            "config.toml:2: unknown key report.local (did you mean report.locale?)");
}

TEST(Config, GivenMatchArrayReplacesTheDefault) {
  const Config config = Parse(
      "[match]\n"
      "titles = [\"CTO\"]\n"
      "exclude_titles = []\n"
      "locations = [\"Hagen\", \"Herdecke\"]\n"
      "postal_codes = [\"58089-58135\", \"58313\"]\n");
  EXPECT_EQ(config.match.titles, std::vector<std::string>{"CTO"});
  EXPECT_TRUE(config.match.exclude_titles.empty());
  EXPECT_EQ(config.match.locations, (std::vector<std::string>{"Hagen", "Herdecke"}));
  ASSERT_EQ(config.match.postal_codes.size(), 2u);
  EXPECT_EQ(config.match.postal_codes[0].first, 58089);
  EXPECT_EQ(config.match.postal_codes[0].last, 58135);
  EXPECT_EQ(config.match.postal_codes[1].first, 58313);
  EXPECT_EQ(config.match.postal_codes[1].last, 58313);
}

TEST(Config, ReadsRadiusAsFloatOrInteger) {
  EXPECT_EQ(Parse("[match]\nradius_km = 25\n").match.radius_km, 25.0);
  const Config config = Parse("[match]\nradius_km = 12.5\ncenter = \"Wetter (Ruhr)\"\n");
  EXPECT_EQ(config.match.radius_km, 12.5);
  EXPECT_EQ(config.match.center, "Wetter (Ruhr)");
}

TEST(Config, MatchKeysNotGivenKeepDefaults) {
  const Config config = Parse("[match]\nlocations = [\"Wetter\"]\n");
  EXPECT_EQ(config.match.titles, parsers::MatchRules::DefaultTitles());
  EXPECT_EQ(config.match.postal_codes.size(), parsers::MatchRules{}.postal_codes.size());
}

TEST(Config, ReadsSources) {
  const Config config = Parse(std::string(kSource) +
                              "[[sources]]\n"
                              "name = \"second\"\n"
                              "start_urls = [\"http://b.example:8080/x\", \"https://c.example\"]\n");
  ASSERT_EQ(config.sources.size(), 2u);
  EXPECT_EQ(config.sources[0].name, "board");
  EXPECT_EQ(config.sources[0].start_urls, std::vector<std::string>{"https://a.example/"});
  EXPECT_EQ(config.sources[0].follow, std::vector<std::string>{"^https://a\\.example/job/"});
  EXPECT_EQ(config.sources[1].name, "second");
  EXPECT_EQ(config.sources[1].start_urls.size(), 2u);
  EXPECT_TRUE(config.sources[1].follow.empty());
}

TEST(Config, DropsDisabledSources) {
  const Config config = Parse(std::string(kSource) +
                              "[[sources]]\n"
                              "name = \"off\"\n"
                              "enabled = false\n"
                              "start_urls = [\"https://b.example/\"]\n");
  ASSERT_EQ(config.sources.size(), 1u);
  EXPECT_EQ(config.sources[0].name, "board");
}

TEST(Config, ChecksDisabledSourcesToo) {
  EXPECT_THAT(ErrorOf("[[sources]]\n"
                      "name = \"off\"\n"
                      "enabled = false\n"
                      "start_urls = [\"ftp://b.example/\"]\n"),
              HasSubstr("config.toml:4: sources[0].start_urls[0]"));
}

// ---- Errors: each names the origin, the line and the key ----

TEST(ConfigError, SyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT(ErrorOf("[crawler]\nconcurrency = = 3\n"),
              StartsWith("config.toml:2:15: syntax error: "));
}

TEST(ConfigError, UnknownKeySuggestsTheNearestKnownKey) {
  EXPECT_EQ(ErrorOf("[crawler]\nconcurency = 4\n"),
            "config.toml:2: unknown key crawler.concurency (did you mean crawler.concurrency?)");
}

TEST(ConfigError, UnknownSectionSuggestsTheNearestSection) {
  EXPECT_EQ(ErrorOf("\n[crawlr]\nconcurrency = 4\n"),
            "config.toml:2: unknown key crawlr (did you mean crawler?)");
}

TEST(ConfigError, UnknownKeyFarFromAnyKnownKeyHasNoSuggestion) {
  EXPECT_EQ(ErrorOf("[storage]\nwhatever = 1\n"), "config.toml:2: unknown key storage.whatever");
}

TEST(ConfigError, UnknownKeyInSourceIsNamed) {
  EXPECT_EQ(ErrorOf(std::string(kSource) + "folow = []\n"),
            "config.toml:5: unknown key sources[0].folow (did you mean sources[0].follow?)");
}

TEST(ConfigError, ReportsTheEarliestLineFirst) {
  // toml++ sorts keys by name; "zz" would come after "concurrency".
  EXPECT_THAT(ErrorOf("[crawler]\nzz = 1\nconcurrency = 0\n"), StartsWith("config.toml:2: "));
}

TEST(ConfigError, WrongTypeNamesExpectedAndActualType) {
  EXPECT_EQ(ErrorOf("[crawler]\n\nconcurrency = \"8\"\n"),
            "config.toml:3: crawler.concurrency: expected an integer, got string");
  EXPECT_EQ(ErrorOf("[crawler]\nmax_body_bytes = 1.5e6\n"),
            "config.toml:2: crawler.max_body_bytes: expected an integer, got float");
  EXPECT_EQ(ErrorOf("[crawler]\nrespect_robots_txt = 1\n"),
            "config.toml:2: crawler.respect_robots_txt: expected a boolean (true or false), "
            "got integer");
}

TEST(ConfigError, SectionThatIsNotATableIsATypeError) {
  EXPECT_EQ(ErrorOf("crawler = 5\n"), "config.toml:1: crawler: expected a table, got integer");
}

TEST(ConfigError, OutOfRangeNamesTheBounds) {
  EXPECT_EQ(ErrorOf("[crawler]\n\nconcurrency = 0\n"),
            "config.toml:3: crawler.concurrency: must be between 1 and 1024, got 0");
  EXPECT_EQ(ErrorOf("[crawler]\nmax_body_bytes = 1023\n"),
            "config.toml:2: crawler.max_body_bytes: must be between 1024 and 1073741824, "
            "got 1023");
  EXPECT_THAT(ErrorOf("[crawler]\nper_host_delay_ms = -1\n"),
              HasSubstr("config.toml:2: crawler.per_host_delay_ms: must be between"));
}

TEST(ConfigError, IntegerBeyondIntIsARangeError) {
  EXPECT_EQ(ErrorOf("[crawler]\nmax_pages = 9223372036854775807\n"),
            "config.toml:2: crawler.max_pages: must be between 1 and 10000000, "
            "got 9223372036854775807");
}

TEST(ConfigError, EmptyStringsAreRejected) {
  EXPECT_EQ(ErrorOf("[storage]\ndatabase = \"\"\n"),
            "config.toml:2: storage.database: must not be empty");
  EXPECT_EQ(ErrorOf("[crawler]\nuser_agent = \"\"\n"),
            "config.toml:2: crawler.user_agent: must not be empty");
}

TEST(ConfigError, UserAgentWithLineBreakIsRejected) {
  EXPECT_EQ(ErrorOf("[crawler]\nuser_agent = \"bot\\r\\nX-Evil: 1\"\n"),
            "config.toml:2: crawler.user_agent: must not contain control characters");
}

TEST(ConfigError, ArrayElementOfWrongTypeIsNamedByIndex) {
  EXPECT_EQ(ErrorOf("[match]\nlocations = [\"Hagen\",\n  3]\n"),
            "config.toml:3: match.locations[1]: expected a string, got integer");
  EXPECT_EQ(ErrorOf("[match]\nlocations = \"Hagen\"\n"),
            "config.toml:2: match.locations: expected an array of strings, got string");
}

TEST(ConfigError, EmptyTitleListIsRejected) {
  EXPECT_EQ(ErrorOf("[match]\ntitles = []\n"), "config.toml:2: match.titles: must not be empty");
}

TEST(ConfigError, NegativeOrNonFiniteRadiusIsRejected) {
  EXPECT_EQ(ErrorOf("[match]\nradius_km = -1\n"),
            "config.toml:2: match.radius_km: must be a finite number >= 0, got -1");
  EXPECT_THAT(ErrorOf("[match]\nradius_km = nan\n"), HasSubstr("config.toml:2: match.radius_km"));
  EXPECT_EQ(ErrorOf("[match]\nradius_km = \"10\"\n"),
            "config.toml:2: match.radius_km: expected a number, got string");
}

TEST(ConfigError, UnknownCenterIsRejected) {
  EXPECT_THAT(ErrorOf("[match]\ncenter = \"Hagn\"\n"),
              StartsWith("config.toml:2: match.center: unknown town \"Hagn\""));
}

TEST(ConfigError, BadPostalRangeIsNamed) {
  EXPECT_EQ(ErrorOf("[match]\npostal_codes = [\"58089-58135\", \"Hagen\"]\n"),
            "config.toml:2: match.postal_codes[1]: invalid postal-code range \"Hagen\" "
            "(expected e.g. \"58089-58135\" or \"58095\")");
}

TEST(ConfigError, BadRegexNamesSourceAndIndex) {
  EXPECT_THAT(ErrorOf("[[sources]]\n"
                      "name = \"stepstone\"\n"
                      "start_urls = [\"https://a.example/\"]\n"
                      "follow = ['^https://a/',\n"
                      "  '(unclosed']\n"),
              StartsWith("config.toml:5: sources[0].follow[1] (source \"stepstone\"): "
                         "invalid regular expression: "));
}

// Follow patterns are RE2 (linear time): the ECMAScript features that need
// backtracking are refused at load time with RE2's own words.
TEST(ConfigError, BackreferenceInFollowIsRefusedWithRe2sMessage) {
  EXPECT_EQ(ErrorOf("[[sources]]\n"
                    "name = \"board\"\n"
                    "start_urls = [\"https://a.example/\"]\n"
                    "follow = ['^https://a\\.example/(\\w+)/\\1']\n"),
            "config.toml:4: sources[0].follow[0] (source \"board\"): "
            "invalid regular expression: invalid escape sequence: \\1");
}

TEST(ConfigError, LookaheadInFollowIsRefused) {
  EXPECT_THAT(ErrorOf("[[sources]]\n"
                      "name = \"board\"\n"
                      "start_urls = [\"https://a.example/\"]\n"
                      "follow = ['^https://a\\.example/(?!intern)']\n"),
              StartsWith("config.toml:4: sources[0].follow[0] (source \"board\"): "
                         "invalid regular expression: invalid perl operator: (?!"));
}

TEST(Config, PathologicalButValidFollowPatternLoads) {
  Config config = Parse("[[sources]]\n"
                        "name = \"board\"\n"
                        "start_urls = [\"https://h/\"]\n"
                        "follow = ['^https://h/(.*/)*stelle']\n");
  EXPECT_EQ(config.sources.at(0).follow, std::vector<std::string>{"^https://h/(.*/)*stelle"});
}

// Found by fuzzing (tests/fuzz/regressions/config/): huge back-reference and
// repetition numbers, once undefined behaviour in a regex compiler. RE2 reads
// "\\111" as an octal escape and "{1,<too many digits>}" as literal text,
// and refuses counts above 1000.
TEST(Config, HugeRegexNumbersLoadOrAreRefusedAsRe2ReadsThem) {
  const auto follow = [](const std::string& pattern) {
    return "[[sources]]\nname = \"a\"\nstart_urls = [\"https://a/\"]\nfollow = ['" + pattern +
           "']\n";
  };
  EXPECT_EQ(ErrorOf(follow("^https://a/\\1111111111111111111111")), "no error");
  EXPECT_EQ(ErrorOf(follow("^https://a/x{1,99999999999999999999}")), "no error");
  EXPECT_THAT(ErrorOf(follow("^https://a/x{1234567}")),
              ::testing::HasSubstr("invalid regular expression: invalid repetition size: {1234567}"));
}

TEST(ConfigError, DuplicateSourceNameNamesBothLines) {
  EXPECT_EQ(ErrorOf(std::string(kSource) +
                    "[[sources]]\n"
                    "name = \"board\"\n"
                    "start_urls = [\"https://b.example/\"]\n"),
            "config.toml:6: sources[1].name: duplicate source name \"board\" "
            "(first defined on line 2)");
}

TEST(ConfigError, StartUrlMustBeAbsoluteHttp) {
  const std::string head = "[[sources]]\nname = \"s\"\nstart_urls = [";
  EXPECT_EQ(ErrorOf(head + "\"ftp://a.example/\"]\n"),
            "config.toml:3: sources[0].start_urls[0] (source \"s\"): "
            "not an absolute http(s) URL: \"ftp://a.example/\"");
  EXPECT_THAT(ErrorOf(head + "\"/jobs\"]\n"), HasSubstr("not an absolute http(s) URL"));
  EXPECT_THAT(ErrorOf(head + "\"https:///jobs\"]\n"), HasSubstr("not an absolute http(s) URL"));
  EXPECT_EQ(ErrorOf(head + "]\n"),
            "config.toml:3: sources[0].start_urls (source \"s\"): must list at least one URL");
}

TEST(ConfigError, SourceWithoutRequiredKeysPointsAtItsHeader) {
  EXPECT_EQ(ErrorOf("\n[[sources]]\nstart_urls = [\"https://a.example/\"]\n"),
            "config.toml:2: sources[0]: missing required key name");
  EXPECT_EQ(ErrorOf("\n[[sources]]\nname = \"s\"\n"),
            "config.toml:2: sources[0] (source \"s\"): missing required key start_urls");
}

TEST(ConfigError, SourcesMustBeAnArrayOfTables) {
  EXPECT_EQ(ErrorOf("[sources]\nname = \"s\"\n"),
            "config.toml:1: sources: expected an array of tables ([[sources]]), got table");
}

// ---- [sources.extract] ----

TEST(Config, ReadsExtractionProfile) {
  const Config config = Parse(std::string(kSource) +
                              "[sources.extract]\n"
                              "posting = \"ul.jobs > li\"\n"
                              "title = \"h3 a\"\n"
                              "company = \".firma\"\n"
                              "location = \".ort\"\n"
                              "postal_code = \".plz\"\n"
                              "salary = \".gehalt\"\n"
                              "employment_type = \".umfang\"\n"
                              "date_posted = \"time @datetime\"\n"
                              "valid_through = \".frist\"\n"
                              "description = \".text p\"\n"
                              "identifier = \"@data-id\"\n"
                              "url = \"h3 a @href\"\n"
                              "links = \"a.job-link\"\n"
                              "next_page = \"a[rel=next]\"\n");
  ASSERT_EQ(config.sources.size(), 1u);
  const parsers::ExtractionProfile& profile = config.sources[0].profile;
  EXPECT_EQ(profile.posting, "ul.jobs > li");
  EXPECT_EQ(profile.title, "h3 a");
  EXPECT_EQ(profile.company, ".firma");
  EXPECT_EQ(profile.location, ".ort");
  EXPECT_EQ(profile.postal_code, ".plz");
  EXPECT_EQ(profile.salary, ".gehalt");
  EXPECT_EQ(profile.employment_type, ".umfang");
  EXPECT_EQ(profile.date_posted, "time @datetime");
  EXPECT_EQ(profile.valid_through, ".frist");
  EXPECT_EQ(profile.description, ".text p");
  EXPECT_EQ(profile.identifier, "@data-id");
  EXPECT_EQ(profile.url, "h3 a @href");
  EXPECT_EQ(profile.links, "a.job-link");
  EXPECT_EQ(profile.next_page, "a[rel=next]");
}

TEST(Config, SourceWithoutExtractHasEmptyProfile) {
  EXPECT_TRUE(Parse(kSource).sources[0].profile.empty());
}

TEST(ConfigError, InvalidSelectorNamesSourceKeyLineAndPosition) {
  EXPECT_EQ(ErrorOf(std::string(kSource) +    // lines 1-4
                    "[sources.extract]\n"     // 5
                    "posting = \"li\"\n"      // 6
                    "title = \"h3 >> a\"\n"), // 7
            "config.toml:7: sources[0].extract.title (source \"board\"): "
            "invalid selector at 5: unexpected '>'");
}

TEST(ConfigError, PostingSelectorTakesNoAttribute) {
  EXPECT_EQ(ErrorOf(std::string(kSource) + "[sources.extract]\nposting = \"li @id\"\n"),
            "config.toml:6: sources[0].extract.posting (source \"board\"): "
            "invalid selector at 4: unexpected '@'");
}

TEST(ConfigError, UnknownExtractKeySuggestsTheNearest) {
  EXPECT_EQ(ErrorOf(std::string(kSource) + "[sources.extract]\ntitel = \"h1\"\n"),
            "config.toml:6: unknown key sources[0].extract.titel "
            "(did you mean sources[0].extract.title?)");
}

TEST(ConfigError, ExtractValuesMustBeNonEmptyStrings) {
  EXPECT_EQ(ErrorOf(std::string(kSource) + "[sources.extract]\ntitle = 1\n"),
            "config.toml:6: sources[0].extract.title (source \"board\"): "
            "expected a string, got integer");
  EXPECT_EQ(ErrorOf(std::string(kSource) + "[sources.extract]\ntitle = \"\"\n"),
            "config.toml:6: sources[0].extract.title (source \"board\"): must not be empty");
  EXPECT_EQ(ErrorOf(std::string(kSource) + "extract = \"h1\"\n"),
            "config.toml:5: sources[0].extract (source \"board\"): expected a table, got string");
}

// ---- Files ----

TEST(ConfigFile, MissingFileNamesPathAndReason) {
  try {
    LoadConfigFile("/nonexistent/jobcrawler.toml");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(),
                 "cannot read config file /nonexistent/jobcrawler.toml: No such file or directory");
  }
}

TEST(ConfigFile, DirectoryIsNotAConfigFile) {
  EXPECT_THROW(LoadConfigFile(JOBCRAWLER_TEST_DATA_DIR), ConfigError);
}

TEST(ConfigFile, MessagesNameTheFilePath) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "jobcrawler_config_test.toml").string();
  std::ofstream(path) << "[crawler]\nconcurrency = 0\n";
  try {
    LoadConfigFile(path);
    ADD_FAILURE() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_THAT(e.what(), StartsWith(path + ":2: crawler.concurrency"));
  }
  std::remove(path.c_str());
}

TEST(ConfigFile, ShippedConfigParsesAndMatchesBuiltInDefaults) {
  const Config config = LoadConfigFile(kRepoRoot + "/config.toml");
  ExpectSameCrawlerOptions(config.crawler, crawler::CrawlerOptions{});
  EXPECT_EQ(config.storage.database, StorageConfig{}.database);
  EXPECT_EQ(config.monitoring.close_after_missed_runs,
            MonitoringConfig{}.close_after_missed_runs);
  EXPECT_EQ(config.monitoring.webhook_url, "");
  EXPECT_EQ(config.report.locale, ReportConfig{}.locale);
  EXPECT_EQ(config.match.titles, parsers::MatchRules::DefaultTitles());
  EXPECT_FALSE(config.sources.empty());
}

TEST(ConfigFile, EmbeddedDefaultIsTheShippedFileAndParses) {
  EXPECT_EQ(DefaultConfigToml(), ReadFile(kRepoRoot + "/config.toml"));
  EXPECT_FALSE(ParseConfig(DefaultConfigToml(), "(built-in)").sources.empty());
}

// ---- The pure checks behind the messages ----

TEST(ConfigChecks, EditDistanceCountsSingleEdits) {
  EXPECT_EQ(EditDistance("concurency", "concurrency"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("nmae", "name"), 1u);  // a swap of neighbours is one typo
}

TEST(ConfigChecks, NearestKeyIgnoresFarCandidates) {
  const std::vector<std::string_view> known = {"name", "start_urls", "follow"};
  EXPECT_EQ(NearestKey("nmae", known), "name");
  EXPECT_EQ(NearestKey("start_url", known), "start_urls");
  EXPECT_EQ(NearestKey("x", known), "");
}

TEST(ConfigChecks, AbsoluteHttpUrlNeedsSchemeAndHost) {
  EXPECT_TRUE(IsAbsoluteHttpUrl("https://www.hagen.de/"));
  EXPECT_TRUE(IsAbsoluteHttpUrl("HTTP://user@host:8080?q"));
  EXPECT_TRUE(IsAbsoluteHttpUrl("http://[::1]:8080/"));
  EXPECT_FALSE(IsAbsoluteHttpUrl("http://:8080/"));
  EXPECT_FALSE(IsAbsoluteHttpUrl("https://a b/"));
  EXPECT_FALSE(IsAbsoluteHttpUrl("mailto:jobs@hagen.de"));
  EXPECT_FALSE(IsAbsoluteHttpUrl("www.hagen.de"));
}

}  // namespace
}  // namespace jobcrawler::app
