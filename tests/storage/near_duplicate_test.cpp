// SqliteStore: the last dedup rung, near-duplicate descriptions.
#include <gtest/gtest.h>

#include "storage/dedup.h"
#include "storage/sqlite_store.h"
#include "tests/storage/description_fixture.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::Job;
using testing::Seen;

class NearDuplicate : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore();
    ASSERT_TRUE(store_);
    run_ = store_->BeginRun(0).value();
  }

  // Records an ad with its own URL (on a page of that URL).
  PageWriteResult Ad(const std::string& url, const std::string& title, const std::string& company,
                     const std::string& locality, const std::string& description) {
    parsers::Posting job = Job(title, company, locality, url);
    job.description = description;
    return testing::Record(*store_, run_, url, {Seen(job, url)});
  }

  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
};

TEST_F(NearDuplicate, TheSameAdUnderAnotherTitleAndUrlJoins) {
  std::string ad = testing::LongDescription();
  Ad("https://a/17", "IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", ad);
  PageWriteResult second =
      Ad("https://b/9", "Leitung der IT", "Muster GmbH & Co. KG", "Hagen", ad + " Ref. 4711");
  EXPECT_EQ(second.postings_new, 0);
  EXPECT_EQ(second.postings_updated, 1);
  std::vector<PostingRow> rows = testing::List(*store_);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].also_seen_at, std::vector<std::string>{"https://b/9"});

  std::optional<PostingExplanation> explained = store_->ExplainPosting(rows[0].id).value();
  ASSERT_TRUE(explained.has_value());
  ASSERT_EQ(explained->reasons.size(), 1u);
  EXPECT_TRUE(explained->reasons[0].starts_with(
      "https://b/9 joined by near-duplicate description (simhash:"))
      << explained->reasons[0];
}

TEST_F(NearDuplicate, DeputyWithAnIdenticalDescriptionStaysApart) {
  std::string ad = testing::LongDescription();
  Ad("https://a/1", "IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", ad);
  Ad("https://a/2", "Stellvertretender IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", ad);
  EXPECT_EQ(testing::List(*store_).size(), 2u);
}

// Regression: "vicenza" read as the rank word "vice" kept the two apart.
TEST_F(NearDuplicate, APlaceAtTheEndOfTheTitleIsNoRankWord) {
  std::string ad = testing::LongDescription();
  Ad("https://a/1", "Responsabile IT – Vicenza", "Muster S.p.A.", "Vicenza", ad);
  Ad("https://b/1", "IT Manager", "Muster S.p.A.", "Vicenza", ad + " Ref. 4711");
  EXPECT_EQ(testing::List(*store_).size(), 1u);
  Ad("https://c/1", "Vice IT Manager", "Muster S.p.A.", "Vicenza", ad);
  EXPECT_EQ(testing::List(*store_).size(), 2u) << "a deputy all the same";
}

TEST_F(NearDuplicate, ShortDescriptionsNeverJoin) {
  std::string short_ad;
  for (int i = 0; i < kMinSimHashWords - 1; ++i) short_ad += "wort" + std::to_string(i) + " ";
  Ad("https://a/1", "IT-Leiter", "Muster GmbH", "Hagen", short_ad);
  Ad("https://b/1", "Leitung IT", "Muster GmbH", "Hagen", short_ad);
  EXPECT_EQ(testing::List(*store_).size(), 2u);
}

TEST_F(NearDuplicate, AnotherCompanyOrPlaceNeverJoins) {
  std::string ad = testing::LongDescription();
  Ad("https://a/1", "IT-Leiter", "Muster GmbH", "Hagen", ad);
  Ad("https://b/1", "Leitung IT", "Beispiel AG", "Hagen", ad);
  Ad("https://c/1", "Leitung IT", "Muster GmbH", "Dortmund", ad);
  EXPECT_EQ(testing::List(*store_).size(), 3u);
}

TEST_F(NearDuplicate, AnotherAdOfTheSameCompanyStaysApart) {
  Ad("https://a/1", "IT-Leiter", "Muster GmbH", "Hagen", testing::LongDescription());
  Ad("https://a/2", "Schichtleitung Lager", "Muster GmbH", "Hagen", testing::OtherDescription());
  EXPECT_EQ(testing::List(*store_).size(), 2u);
}

TEST_F(NearDuplicate, AJoinedAdIsFoundAgainByItsOwnKeys) {
  std::string ad = testing::LongDescription();
  Ad("https://a/1", "IT-Leiter", "Muster GmbH", "Hagen", ad);
  Ad("https://b/1", "Leitung IT", "Muster GmbH", "Hagen", ad);
  // Next run the second board drops the description; its URL key still
  // leads to the posting.
  run_ = store_->BeginRun(1).value();
  Ad("https://b/1", "Leitung IT", "Muster GmbH", "Hagen", "");
  EXPECT_EQ(testing::List(*store_).size(), 1u);
}

}  // namespace
}  // namespace jobcrawler::storage
