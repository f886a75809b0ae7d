// `jobcrawler parse` on feed responses: --type, --source, files and URLs
// (against the local Jobsuche stand-in), the postings on stdout and the
// feed's diagnostics and paging on stderr.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "tests/support/fake_jobsuche.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Parsed {
  int status = -1;
  std::vector<nlohmann::json> postings;
  std::string err;
};

class ParseFeedTest : public ::testing::Test {
 protected:
  ParseFeedTest() {
    config_ = dir_.File("config.toml");
    std::ofstream(config_) << "[crawler]\nper_host_delay_ms = 0\ntimeout_seconds = 5\n";
  }

  Parsed Parse(const std::string& target, const std::string& type = "",
               const std::string& source = "") {
    app::ParseCommand command;
    command.config_path = config_;
    command.target = target;
    command.type = type;
    command.source = source;
    std::ostringstream out, err;
    Parsed parsed;
    parsed.status = app::RunParse(command, out, err);
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
      parsed.postings.push_back(nlohmann::json::parse(line));
    }
    parsed.err = err.str();
    return parsed;
  }

  std::string Data(const std::string& name) {
    return std::string(JOBCRAWLER_TEST_DATA_DIR) + "/feeds/" + name;
  }

  TempDir dir_;
  std::string config_;
  FakeJobsuche api_;
};

TEST_F(ParseFeedTest, APersonioFileNeedsTheAddressItCameFrom) {
  Parsed run = Parse(Data("personio_hagen.xml"), "personio");
  EXPECT_EQ(run.status, app::kExitFailure);
  EXPECT_THAT(run.err, HasSubstr("name its source with --source"));
}

TEST_F(ParseFeedTest, APersonioFileOfASourceGivesItsPostingsAndWhatWasSkipped) {
  std::ofstream(config_, std::ios::app)
      << "[[sources]]\nname = \"volmetal\"\ntype = \"personio\"\n"
      << "start_urls = [\"https://volmetal.jobs.personio.de/xml?language=de\"]\n";
  Parsed run = Parse(Data("personio_hagen.xml"), "", "volmetal");
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  ASSERT_EQ(run.postings.size(), 5u);
  EXPECT_EQ(run.postings[0]["title"], "IT-Leiter (m/w/d)");
  EXPECT_EQ(run.postings[0]["matched"], true);
  EXPECT_EQ(run.postings[1]["matched"], false) << "Hagenow";
  EXPECT_EQ(run.postings[2]["other_locations"][0]["location"], "Hagen");
  EXPECT_THAT(run.err, HasSubstr("5 posting(s) in the personio response (shape ok)"));
  EXPECT_THAT(run.err, HasSubstr("note: "));
  EXPECT_THAT(run.err, HasSubstr("paging: 6 listed"));
  EXPECT_EQ(run.postings[0]["url"], "https://volmetal.jobs.personio.de/job/1700101");
}

TEST_F(ParseFeedTest, AJobsucheSearchUrlIsFetchedAsItsFirstPageWithThePagingOnStderr) {
  std::vector<nlohmann::json> jobs;
  for (int i = 1; i <= 150; ++i) {
    jobs.push_back(JobsucheItem("J-" + std::to_string(i), "IT-Leiter " + std::to_string(i),
                                "Firma GmbH", "58095", "Hagen",
                                i == 1 ? "https://board.example/stellen/1" : ""));
  }
  api_.SetJobs(jobs);
  Parsed run = Parse(api_.SearchUrl("was=IT-Leiter&wo=Hagen"), "arbeitsagentur");
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(run.postings.size(), 100u);
  EXPECT_EQ(run.postings[0]["also_seen_at"], nlohmann::json::array({"https://board.example/stellen/1"}));
  EXPECT_EQ(run.postings[0]["url"], "https://www.arbeitsagentur.de/jobsuche/jobdetail/J-1");
  EXPECT_THAT(run.err, HasSubstr("paging: 100 listed, 150 in all, page 1, size 100"));
  EXPECT_THAT(run.err, HasSubstr("next page: " + api_.SearchUrl("was=IT-Leiter&wo=Hagen") +
                                 "&page=2&size=100"));
  ASSERT_EQ(api_.SearchRequests().size(), 1u);
  EXPECT_EQ(api_.SearchRequests()[0].Header("X-API-Key"), "jobboerse-jobsuche");

  run = Parse(api_.SearchUrl("was=IT-Leiter&wo=Hagen&page=2&size=100"), "arbeitsagentur");
  EXPECT_EQ(run.postings.size(), 50u);
  EXPECT_THAT(run.err, HasSubstr("last page: the listing ends here"));
}

TEST_F(ParseFeedTest, ASourceBringsItsTypeAndKey) {
  std::ofstream(config_, std::ios::app)
      << "[[sources]]\nname = \"jobsuche\"\ntype = \"arbeitsagentur\"\napi_key = \"k-9\"\n"
      << "start_urls = [\"" << api_.SearchUrl("was=CIO") << "\"]\n";
  api_.SetApiKey("k-9");
  api_.SetJobs({JobsucheItem("J-1", "CIO", "Firma GmbH", "58095", "Hagen")});
  Parsed run = Parse(api_.SearchUrl("was=CIO"), "", "jobsuche");
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(run.postings.size(), 1u);
}

TEST_F(ParseFeedTest, ARefusedRequestSaysWhichKeyWasSent) {
  api_.SetApiKey("another");
  Parsed run = Parse(api_.SearchUrl("was=CIO"), "arbeitsagentur");
  EXPECT_EQ(run.status, app::kExitFailure);
  EXPECT_THAT(run.err, HasSubstr("HTTP 403 from"));
  EXPECT_THAT(run.err, HasSubstr("sent X-API-Key: jobboerse-jobsuche (the default key)"));
}

TEST_F(ParseFeedTest, AResponseOfAnotherShapeFails) {
  Parsed run = Parse(Data("jobsuche_unknown_shape.json"), "arbeitsagentur");
  EXPECT_EQ(run.status, app::kExitFailure);
  EXPECT_TRUE(run.postings.empty());
  EXPECT_THAT(run.err, HasSubstr("note: no ergebnisliste or stellenangebote"));
  EXPECT_THAT(run.err, HasSubstr("the response was not understood as type arbeitsagentur"));
}

TEST_F(ParseFeedTest, AJsonFileWithoutTypeIsReadForJobPostings) {
  Parsed run = Parse(Data("softgarden_jobs_feed.json"));
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_FALSE(run.postings.empty());
  EXPECT_THAT(run.err, HasSubstr("in the html response"));
  EXPECT_THAT(run.err, Not(HasSubstr("paging:"))) << "a JSON body of a page source has no walk";
}

}  // namespace
}  // namespace jobcrawler::testing
