#!/usr/bin/python3
"""The Scrapy side of scripts/bench: the board crawled the way a Scrapy user
would write it, to compare jobcrawler with (Debian's python3-scrapy).

A CrawlSpider from the first listing page: a LinkExtractor follows the
board's listing and job URLs (the same scope as the benchmark's `follow`
rule), and every page's JSON-LD is read with json.loads; each JobPosting
becomes an item in a JSON Lines feed. Settings as in the jobcrawler run:
32 requests in flight, all to the one host, no delays, robots.txt off, no
depth limit; cookies, retries and the other defaults left as Scrapy ships
them.

Usage: /usr/bin/python3 scrapy_board_spider.py BASE_URL OUT_JSONL
Prints "pages N items M" when done (pages: distinct URLs answered with 200).
"""

import json
import re
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class BoardSpider(CrawlSpider):
    name = "board"
    fetched = set()  # URLs answered with 200 (the start URL comes twice: Scrapy
                     # does not record start requests in its duplicate filter)

    def __init__(self, base, *args, **kwargs):
        self.start_urls = [base + "/jobs?page=1"]
        host = re.escape(base)
        allow = [host + r"/job/\d+$", host + r"/jobs\?page=\d+$"]
        self.rules = (Rule(LinkExtractor(allow=allow), callback="parse_page", follow=True),)
        super().__init__(*args, **kwargs)

    def parse_start_url(self, response):
        return self.parse_page(response)

    def parse_page(self, response):
        if response.status == 200:
            BoardSpider.fetched.add(response.url)
        for text in response.xpath('//script[@type="application/ld+json"]/text()').getall():
            try:
                data = json.loads(text)
            except ValueError:
                continue
            if isinstance(data, dict) and data.get("@type") == "JobPosting":
                yield {
                    "identifier": (data.get("identifier") or {}).get("value"),
                    "title": data.get("title"),
                    "company": (data.get("hiringOrganization") or {}).get("name"),
                    "url": response.urljoin(data.get("url") or response.url),
                    "description": data.get("description"),
                }


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    base, out = sys.argv[1].rstrip("/"), sys.argv[2]
    process = CrawlerProcess(settings={
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
        "CONCURRENT_REQUESTS_PER_IP": 0,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": False,
        "DEPTH_LIMIT": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "FEEDS": {out: {"format": "jsonlines", "encoding": "utf8", "overwrite": True}},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    })
    process.crawl(BoardSpider, base=base)
    process.start()
    items = sum(1 for _ in open(out, encoding="utf8"))
    print(f"pages {len(BoardSpider.fetched)} items {items}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
