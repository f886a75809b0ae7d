// Errors as values for the storage layer (see shared STYLE: expected
// failures are values; only start-up throws).
#ifndef JOBCRAWLER_STORAGE_STATUS_H_
#define JOBCRAWLER_STORAGE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace jobcrawler::storage {

class Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  // Empty for an ok status.
  const std::string& message() const {
    static const std::string kEmpty;
    return message_ ? *message_ : kEmpty;
  }

 private:
  Status() = default;
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

// A value or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)), status_(Status::Ok()) {}  // NOLINT
  Result(Status status) : status_(std::move(status)) {}                // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_STATUS_H_
