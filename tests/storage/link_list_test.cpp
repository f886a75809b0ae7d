#include "storage/link_list.h"

#include <gtest/gtest.h>

namespace jobcrawler::storage {
namespace {

FrontierAdd Link(std::string url, std::string host, std::string fetch = "") {
  FrontierAdd link;
  link.url = std::move(url);
  link.host_key = std::move(host);
  link.fetch_url = std::move(fetch);
  return link;
}

std::string Describe(const std::vector<LinkRecord>& links) {
  std::string out;
  for (const LinkRecord& link : links) {
    out += link.url + " " + link.fetch_url + " " + link.host_key + ";";
  }
  return out;
}

TEST(LinkList, RoundTripsUrlsFetchFormsAndHosts) {
  std::vector<FrontierAdd> links = {
      Link("https://a/x?a=1&b=2", "https://a:443", "https://a/x?b=2&a=1"),
      Link("https://a/y", "https://a:443", "https://a/y"),
      Link("http://b/z", "http://b:80"),
      Link("https://a/w", "https://a:443")};
  EXPECT_EQ(Describe(DecodeLinks(EncodeLinks(links))),
            "https://a/x?a=1&b=2 https://a/x?b=2&a=1 https://a:443;"
            "https://a/y https://a/y https://a:443;"
            "http://b/z http://b/z http://b:80;"
            "https://a/w https://a/w https://a:443;");
}

TEST(LinkList, WritesARepeatedHostAndAnUnchangedFetchFormOnce) {
  std::string encoded = EncodeLinks({Link("https://a/1", "https://a:443", "https://a/1"),
                                     Link("https://a/2", "https://a:443")});
  EXPECT_EQ(encoded, "https://a/1\t\thttps://a:443\nhttps://a/2\t\t");
}

TEST(LinkList, NoLinksIsEmptyText) {
  EXPECT_EQ(EncodeLinks({}), "");
  EXPECT_TRUE(DecodeLinks("").empty());
}

TEST(LinkList, LeavesOutWhatItCouldNotReadBack) {
  std::string encoded = EncodeLinks({Link("", "https://a:443"), Link("https://a/\t1", "https://a:443"),
                                     Link("https://a/2", "https://a:443", "https://a/\n2"),
                                     Link("https://a/3", ""), Link("https://a/4", "https://a:443")});
  EXPECT_EQ(Describe(DecodeLinks(encoded)), "https://a/4 https://a/4 https://a:443;");
}

TEST(LinkList, SkipsMalformedLinesAndKeepsTheRest) {
  EXPECT_EQ(Describe(DecodeLinks("junk\n\thttps://f\thttps://a:443\nhttps://a/1\t\t\n"
                                 "https://a/2\t\thttps://a:443\nhttps://a/3\t\t\nx\ty\tz\tw")),
            "https://a/2 https://a/2 https://a:443;https://a/3 https://a/3 https://a:443;");
}

}  // namespace
}  // namespace jobcrawler::storage
