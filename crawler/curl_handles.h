// One RAII type per libcurl C handle. Only these deleters call curl's cleanup
// functions. Internal to crawler/ (include only from .cpp files there).
#ifndef JOBCRAWLER_CRAWLER_CURL_HANDLES_H_
#define JOBCRAWLER_CRAWLER_CURL_HANDLES_H_

#include <curl/curl.h>

#include <memory>

namespace jobcrawler::crawler {

struct EasyDeleter {
  // The handle must already be removed from any multi handle.
  void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
struct MultiDeleter {
  // Easy handles should be removed first; curl_multi_cleanup may still call
  // the multi's socket and timer callbacks.
  void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using SlistHandle = std::unique_ptr<curl_slist, SlistDeleter>;

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_CURL_HANDLES_H_
