// How a posting's fields are stored: the other_places column.
#include "storage/posting_columns.h"

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::AddAndLease;
using testing::Fetched;
using testing::Job;
using testing::Seen;

parsers::Posting MultiPlaceJob() {
  parsers::Posting posting = Job("IT-Koordinator (m/w/d)", "Westfalen Bäckereien", "Hagen");
  posting.other_places = {{"Dortmund", "44135", "Nordrhein-Westfalen", "DE"},
                          {"Montreal", "", "Quebec", "CA"}};
  return posting;
}

std::vector<PostingRow> RecordAndList(SqliteStore& store, std::vector<Sighting> sightings,
                                      const std::string& page) {
  const std::int64_t run = store.BeginRun(0).value();
  PageWrite write = Fetched(AddAndLease(store, run, page), 1000);
  write.sightings = std::move(sightings);
  EXPECT_TRUE(store.RecordPage(run, write).ok());
  auto rows = store.ListPostings({});
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? rows.value() : std::vector<PostingRow>{};
}

TEST(PostingColumns, StoresEveryPlaceOfAPosting) {
  auto store = testing::OpenStore();
  ASSERT_TRUE(store);
  const auto rows =
      RecordAndList(*store, {Seen(MultiPlaceJob(), "https://h/job/1")}, "https://h/job/1");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].posting.locality, "Hagen");
  EXPECT_EQ(rows[0].posting.other_places, MultiPlaceJob().other_places);
}

TEST(PostingColumns, AMergedSightingFillsMissingPlaces) {
  auto store = testing::OpenStore();
  ASSERT_TRUE(store);
  parsers::Posting bare = MultiPlaceJob();
  bare.other_places.clear();
  bare.description = "A longer text makes this record the more complete one.";
  RecordAndList(*store, {Seen(bare, "https://h/job/1")}, "https://h/job/1");
  const auto rows = RecordAndList(*store, {Seen(MultiPlaceJob(), "https://b/7")}, "https://b/7");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].posting.other_places.size(), 2u);
}

TEST(PostingColumns, PlacesRoundTripAndOddValuesReadAsNone) {
  const std::vector<parsers::PostingPlace> places = MultiPlaceJob().other_places;
  EXPECT_EQ(DecodePlaces(EncodePlaces(places)), places);
  EXPECT_EQ(EncodePlaces({}), "");
  EXPECT_TRUE(DecodePlaces("").empty());
  EXPECT_TRUE(DecodePlaces("not json").empty());
  EXPECT_TRUE(DecodePlaces("{\"locality\": \"Hagen\"}").empty());
  EXPECT_EQ(DecodePlaces("[{\"locality\": 5}, \"x\", {\"locality\": \"Hagen\"}]").size(), 2u);
}

}  // namespace
}  // namespace jobcrawler::storage
