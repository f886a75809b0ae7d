#include "storage/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace jobcrawler::storage {
namespace {

constexpr std::string_view kHeader =
    "id,title,company,location,postal_code,country,salary_min,salary_max,salary_currency,"
    "salary_period,employment_type,remote,date_posted,valid_through,url,source,also_seen_at,"
    "first_seen,last_seen,status,matched,other_locations\r\n";

// 2026-11-29T11:30:00Z
constexpr UnixMillis kNov29 = 1795951800000;

PostingRow SampleRow() {
  PostingRow row;
  row.id = 7;
  row.posting.title = "IT-Leiter (m/w/d)";
  row.posting.company = "Stadtwerke Hagen GmbH";
  row.posting.locality = "Hagen";
  row.posting.postal_code = "58095";
  row.posting.country = "DE";
  row.posting.salary_min = 85000;
  row.posting.salary_max = 4500.5;
  row.posting.salary_currency = "EUR";
  row.posting.salary_period = "YEAR";
  row.posting.employment_type = "FULL_TIME";
  row.posting.date_posted = "2026-11-20";
  row.url = "https://h/job/7";
  row.source = "board";
  row.also_seen_at = {"https://a/1", "https://b/2"};
  row.first_seen = kNov29;
  row.last_seen = kNov29 + 999;
  row.status = "active";
  row.matched = true;
  return row;
}

std::string Csv(const std::vector<PostingRow>& rows, CsvOptions options = {}) {
  std::ostringstream out;
  WriteCsv(out, rows, options);
  return out.str();
}

TEST(FormatIsoUtc, WritesWholeSecondsInUtc) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(kNov29), "2026-11-29T11:30:00Z");
  EXPECT_EQ(FormatIsoUtc(kNov29 + 999), "2026-11-29T11:30:00Z");
}

TEST(WriteCsv, WritesTheHeaderEvenWithoutRows) { EXPECT_EQ(Csv({}), kHeader); }

TEST(WriteCsv, WritesOneRowPerPostingInColumnOrder) {
  EXPECT_EQ(Csv({SampleRow()}),
            std::string(kHeader) +
                "7,IT-Leiter (m/w/d),Stadtwerke Hagen GmbH,Hagen,58095,DE,85000,4500.5,EUR,YEAR,"
                "FULL_TIME,,2026-11-20,,https://h/job/7,board,https://a/1 https://b/2,"
                "2026-11-29T11:30:00Z,2026-11-29T11:30:00Z,active,true,\r\n");
}

TEST(WriteCsv, Rfc4180QuotesCommasQuotesAndLineBreaks) {
  PostingRow row;
  row.posting.title = "Leiter IT, Hagen";
  row.posting.company = "\"Gute\" Arbeit GmbH";
  row.posting.locality = "Zeile 1\nZeile 2";
  row.posting.postal_code = "a\rb";
  row.posting.country = "Düsseldorf";  // UTF-8 passes through unquoted
  std::string csv = Csv({row});
  EXPECT_NE(csv.find(",\"Leiter IT, Hagen\",\"\"\"Gute\"\" Arbeit GmbH\",\"Zeile 1\nZeile 2\","
                     "\"a\rb\",Düsseldorf,,,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",false,\r\n"), std::string::npos);
}

TEST(WriteCsv, ExcelModeWritesBomAndSemicolons) {
  PostingRow row = SampleRow();
  row.posting.title = "IT-Leiter; Hagen";
  std::string csv = Csv({row}, {';', true});
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, 9), "id;title;");
  EXPECT_NE(csv.find(";\"IT-Leiter; Hagen\";Stadtwerke Hagen GmbH;"), std::string::npos);
}

// The cells of the first data row of a ';'-separated CSV without quoted
// separators.
std::vector<std::string> ExcelCells(const std::string& csv) {
  std::string row = csv.substr(csv.find("\r\n") + 2);
  row = row.substr(0, row.find("\r\n"));
  std::vector<std::string> cells;
  for (std::size_t start = 0;;) {
    std::size_t end = row.find(';', start);
    cells.push_back(row.substr(start, end - start));
    if (end == std::string::npos) return cells;
    start = end + 1;
  }
}

TEST(WriteCsv, ExcelModeNeutralisesCellsThatStartLikeFormulas) {
  PostingRow row = SampleRow();
  row.posting.title = R"x(=HYPERLINK("http://evil.example","IT-Leiter (m/w/d)"))x";
  row.posting.company = "@SUM(1)";
  row.posting.locality = "+Hagen";
  row.posting.postal_code = "-58095";
  row.posting.country = "\tDE";
  row.posting.salary_currency = "\rEUR";
  row.source = "=1+1";
  parsers::PostingPlace elsewhere;
  elsewhere.locality = "=Dortmund";
  row.posting.other_places = {elsewhere};
  std::string csv = Csv({row}, ExcelCsvOptions());
  EXPECT_NE(csv.find(R"x(;"'=HYPERLINK(""http://evil.example"",""IT-Leiter (m/w/d)"")";)x"),
            std::string::npos)
      << csv;
  std::vector<std::string> cells = ExcelCells(csv);
  ASSERT_EQ(cells.size(), 22u) << csv;
  EXPECT_EQ(cells[2], "'@SUM(1)");
  EXPECT_EQ(cells[3], "'+Hagen");
  EXPECT_EQ(cells[4], "'-58095");
  EXPECT_EQ(cells[5], "'\tDE");
  EXPECT_EQ(cells[8], "\"'\rEUR\"") << "CR is quoted as well";
  EXPECT_EQ(cells[15], "'=1+1");
  EXPECT_EQ(cells[21].substr(0, 2), "'=") << "other_locations";
  EXPECT_EQ(cells[1].front(), '"');
}

TEST(WriteCsv, ExcelModeLeavesNumbersAndOrdinaryTextAlone) {
  PostingRow row = SampleRow();
  row.posting.salary_min = -5;  // never scraped; a number stays a number
  std::vector<std::string> cells = ExcelCells(Csv({row}, ExcelCsvOptions()));
  ASSERT_EQ(cells.size(), 22u);
  EXPECT_EQ(cells[0], "7");
  EXPECT_EQ(cells[1], "IT-Leiter (m/w/d)");
  EXPECT_EQ(cells[6], "-5");
  EXPECT_EQ(cells[7], "4500.5");
  EXPECT_EQ(cells[17], "2026-11-29T11:30:00Z");
}

TEST(WriteCsv, PlainCsvWritesFormulaLikeTextAsStored) {
  PostingRow row = SampleRow();
  row.posting.company = "@SUM(1)";
  std::string csv = Csv({row});
  EXPECT_NE(csv.find(",@SUM(1),"), std::string::npos) << csv;
  EXPECT_EQ(csv.find('\''), std::string::npos);
}

TEST(WriteJsonl, EachLineParsesBackWithTheSameFields) {
  PostingRow empty_salary = SampleRow();
  empty_salary.posting.salary_min.reset();
  empty_salary.posting.salary_max.reset();
  empty_salary.posting.title = "Leiter \"IT\"\nÄnderung";
  std::ostringstream out;
  WriteJsonl(out, {SampleRow(), empty_salary});
  std::istringstream in(out.str());
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(in, line)) objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]["id"], 7);
  EXPECT_EQ(objects[0]["salary_min"], 85000.0);
  EXPECT_EQ(objects[0]["also_seen_at"], nlohmann::json::array({"https://a/1", "https://b/2"}));
  EXPECT_EQ(objects[0]["first_seen"], "2026-11-29T11:30:00Z");
  EXPECT_EQ(objects[0]["matched"], true);
  EXPECT_EQ(objects[0]["location"], "Hagen");
  EXPECT_TRUE(objects[1]["salary_min"].is_null());
  EXPECT_EQ(objects[1]["title"], "Leiter \"IT\"\nÄnderung");
  EXPECT_EQ(objects[0].size(), 22u);
}

TEST(WriteCsv, ListsAPostingsOtherPlacesLast) {
  PostingRow row = SampleRow();
  row.posting.other_places = {{"Dortmund", "44135", "", "DE"}, {"Montreal", "", "Quebec", "CA"}};
  const std::string csv = Csv({row});
  EXPECT_NE(csv.find(",active,true,44135 Dortmund (DE); Montreal (CA)\r\n"), std::string::npos)
      << csv;
  std::ostringstream out;
  WriteJsonl(out, {row});
  EXPECT_EQ(nlohmann::json::parse(out.str())["other_locations"],
            "44135 Dortmund (DE); Montreal (CA)");
}

TEST(WriteJsonl, ReplacesInvalidUtf8InsteadOfThrowing) {
  PostingRow row = SampleRow();
  row.posting.title = "bad \xFF byte";
  std::ostringstream out;
  WriteJsonl(out, {row});
  EXPECT_TRUE(nlohmann::json::accept(out.str())) << out.str();
}

}  // namespace
}  // namespace jobcrawler::storage
