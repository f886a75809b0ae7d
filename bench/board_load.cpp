// The board server's ceiling for scripts/bench: fetches every page of a
// board `rounds` times with `concurrency` keep-alive connections (libcurl
// multi, one thread) and prints the requests per second. The body is
// counted, not decoded: the client asks for gzip itself, so curl does not
// inflate, and the figure is the server's (and the loopback's) rate, not a
// crawler's.
//
// Usage: board_load BASE_URL MANIFEST [CONCURRENCY] [ROUNDS]
// Prints: "requests N seconds S rate R/s errors E bytes B".
#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::size_t CountBytes(char*, std::size_t size, std::size_t count, void* user) {
  *static_cast<std::size_t*>(user) += size * count;
  return size * count;
}

std::vector<std::string> ReadPaths(const std::string& manifest) {
  std::ifstream in(manifest);
  std::vector<std::string> paths;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) paths.push_back(line.substr(0, line.find('\t')));
  }
  return paths;
}

struct Load {
  CURLM* multi = curl_multi_init();
  curl_slist* headers = curl_slist_append(nullptr, "Accept-Encoding: gzip");
  std::vector<std::string> urls;
  std::size_t next = 0;
  std::size_t done = 0;
  std::size_t errors = 0;
  std::size_t bytes = 0;

  // Starts the next URL on `easy` (reused, so its connection is too).
  bool Start(CURL* easy) {
    if (next == urls.size()) return false;
    curl_easy_setopt(easy, CURLOPT_URL, urls[next++].c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CountBytes);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &bytes);
    curl_multi_add_handle(multi, easy);
    return true;
  }

  void Run(int concurrency) {
    for (int i = 0; i < concurrency; ++i) {
      if (!Start(curl_easy_init())) break;
    }
    int running = 1;
    while (running > 0) {
      curl_multi_perform(multi, &running);
      int queued = 0;
      while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
        if (message->msg != CURLMSG_DONE) continue;
        CURL* easy = message->easy_handle;
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        if (message->data.result != CURLE_OK || status != 200) ++errors;
        ++done;
        curl_multi_remove_handle(multi, easy);
        if (Start(easy)) {
          running = 1;
        } else {
          curl_easy_cleanup(easy);
        }
      }
      if (running > 0) curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: board_load BASE_URL MANIFEST [CONCURRENCY] [ROUNDS]\n";
    return 2;
  }
  const std::string base = argv[1];
  const int concurrency = argc > 3 ? std::stoi(argv[3]) : 32;
  const int rounds = argc > 4 ? std::stoi(argv[4]) : 3;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  Load load;
  const std::vector<std::string> paths = ReadPaths(argv[2]);
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& path : paths) load.urls.push_back(base + path);
  }
  const auto start = std::chrono::steady_clock::now();
  load.Run(concurrency);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("requests %zu seconds %.3f rate %.0f/s errors %zu bytes %zu\n", load.done, seconds,
              static_cast<double>(load.done) / seconds, load.errors, load.bytes);
  curl_multi_cleanup(load.multi);
  curl_slist_free_all(load.headers);
  return load.errors == 0 ? 0 : 1;
}
