// One fetch as libcurl sees it: the context that travels with an easy handle
// (CURLOPT_PRIVATE), every per-transfer option, and the translation of the
// outcome into a FetchResult. No Asio here; HttpClient drives the transfers.
// Internal to crawler/.
#ifndef JOBCRAWLER_CRAWLER_CURL_TRANSFER_H_
#define JOBCRAWLER_CRAWLER_CURL_TRANSFER_H_

#include <curl/curl.h>

#include <array>

#include "crawler/curl_handles.h"
#include "crawler/http_client.h"

namespace jobcrawler::crawler {

// Members are declared in the order they must be destroyed last-to-first:
// `easy` points at `headers`, `error_buffer` and at this object (callbacks),
// so it goes first.
struct Transfer {
  Transfer(FetchRequest req, HttpClient::Callback callback);
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  FetchRequest request;
  HttpClient::Callback done;
  FetchResult result;
  std::array<char, CURL_ERROR_SIZE> error_buffer{};
  SlistHandle headers;
  EasyHandle easy;
};

// Creates `transfer.easy` and sets every option of the fetch on it.
// Returns the first failing option's code (the transfer must not be started).
CURLcode ConfigureTransfer(Transfer& transfer);

// Fills `transfer.result` from the finished easy handle and curl's `code`.
void CompleteResult(Transfer& transfer, CURLcode code);

// Marks `transfer.result` as failed before it ran (set-up error) or as
// cancelled; `detail` goes into error_message with the URL.
void FailResult(Transfer& transfer, FetchError error, std::string_view detail);

// FetchError for a curl code; `got_response` says whether a status line was
// received and `truncated` whether we stopped the body ourselves.
FetchError MapCurlError(CURLcode code, bool got_response, bool truncated);

// NetworkError for a failed transfer: kNone when an answer arrived
// (`got_response`); `resolved` and `connected` say how far it got (a timeout
// before the name was resolved is a resolver failure, one before the
// connection stood a connect timeout).
NetworkError ClassifyNetworkError(CURLcode code, bool got_response, bool resolved, bool connected);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_CURL_TRANSFER_H_
