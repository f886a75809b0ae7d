// Personio's XML feed of open positions (https://COMPANY.jobs.personio.de/xml,
// documented at developer.personio.de, "Retrieving open job positions"):
//
//   <workzag-jobs>
//     <position>
//       <id>1234567</id> <subcompany>...</subcompany> <office>Hagen</office>
//       <additionalOffices><office>Dortmund</office></additionalOffices>
//       <department>IT</department> <recruitingCategory>...</recruitingCategory>
//       <name>Leitung IT (m/w/d)</name>
//       <jobDescriptions>
//         <jobDescription><name>Ihre
//         Aufgaben</name><value><![CDATA[<ul>...]]></value></jobDescription>
//       </jobDescriptions>
//       <employmentType>permanent</employmentType>   permanent, intern, trainee, freelance
//       <seniority>experienced</seniority> <schedule>full-time</schedule>
//       <yearsOfExperience>...</yearsOfExperience> <keywords>...</keywords>
//       <createdAt>2026-11-02T09:15:00+00:00</createdAt>
//     </position>
//   </workzag-jobs>
//
// The feed names no URL: the job page is https://HOST/job/ID, HOST being the
// feed's own (COMPANY.jobs.personio.de or .com, or whatever served it).
// The company is the subcompany; without one, FeedOptions::company.
// Element names are compared ignoring case; positions are found at any depth
// (one inside another, which only a missing end tag produces, ends the
// outer one). Positions without id or name are skipped.
#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "parsers/feeds/feed_readers.h"
#include "parsers/html/html_text.h"
#include "parsers/xml/xml_reader.h"

namespace jobcrawler::parsers::feed_detail {
namespace {

// Text gathered per element before the caps of FeedBuilder apply; a little
// above them so that cutting happens once, at a character.
constexpr std::size_t kMaxFieldBytes = kMaxFeedDescriptionBytes + 1024;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return lower;
}

struct RawPosition {
  std::map<std::string, std::string> fields;  // direct children by lower-cased name
  std::vector<std::string> offices;           // additionalOffices/office
  std::vector<std::pair<std::string, std::string>> descriptions;  // name, HTML value
};

class PersonioHandler : public XmlHandler {
 public:
  explicit PersonioHandler(FeedBuilder* builder) : builder_(builder) {}

  std::size_t positions() const { return positions_; }
  const std::string& root() const { return root_; }

  bool OnStartElement(std::string_view local_name) override {
    std::string name = Lower(local_name);
    if (root_.empty()) root_ = name;
    if (name == "position") {
      if (in_position_) Finish();
      in_position_ = true;
      path_.clear();
      position_ = RawPosition{};
      ++positions_;
      return !builder_->Full();
    }
    if (in_position_) path_.push_back(std::move(name));
    if (Is({"jobdescriptions", "jobdescription"})) position_.descriptions.emplace_back();
    return true;
  }

  bool OnEndElement(std::string_view local_name, bool) override {
    if (!in_position_) return true;
    if (path_.empty()) {
      if (Lower(local_name) == "position") Finish();
      return true;
    }
    if (Is({"additionaloffices", "office"}))
      position_.offices.push_back(std::exchange(pending_office_, {}));
    path_.pop_back();
    return true;
  }

  bool OnText(std::string_view text) override {
    if (!in_position_ || path_.empty()) return true;
    std::string* field = nullptr;
    if (path_.size() == 1) field = &position_.fields[path_[0]];
    if (Is({"additionaloffices", "office"})) field = &pending_office_;
    if (!position_.descriptions.empty() && path_.size() == 3 && path_[0] == "jobdescriptions" &&
        path_[1] == "jobdescription") {
      auto& [title, value] = position_.descriptions.back();
      if (path_[2] == "name") field = &title;
      if (path_[2] == "value") field = &value;
    }
    if (field != nullptr && field->size() < kMaxFieldBytes) field->append(text);
    return true;
  }

  bool OnError(std::string message) override {
    builder_->Note("XML: " + message);
    return true;
  }

 private:
  bool Is(std::initializer_list<std::string_view> path) const {
    return path_.size() == path.size() && std::equal(path.begin(), path.end(), path_.begin());
  }

  // Turns the position read so far into a posting.
  void Finish();

  FeedBuilder* builder_;
  std::string root_;
  std::size_t positions_ = 0;
  bool in_position_ = false;
  std::vector<std::string> path_;  // lower-cased names below <position>
  RawPosition position_;
  std::string pending_office_;
};

std::string Field(const RawPosition& raw, const std::string& name) {
  const auto it = raw.fields.find(name);
  return it == raw.fields.end() ? "" : CollapseWhitespace(it->second);
}

// Personio's employmentType and schedule values, as the normaliser's terms.
std::string EmploymentType(const RawPosition& raw) {
  std::string terms = Field(raw, "schedule");  // full-time, part-time, full-or-part-time
  if (terms == "full-or-part-time") terms = "full-time, part-time";
  const std::string type = Field(raw, "employmenttype");
  if (type == "intern" || type == "freelance" || type == "temporary") terms += ", " + type;
  if (type == "working_student") terms += ", Werkstudent";
  return NormalizeEmploymentType(terms);
}

std::string Description(const RawPosition& raw) {
  std::string text;
  for (const auto& [title, value] : raw.descriptions) {
    for (std::string part : {HtmlToText(title), HtmlToText(value)}) {
      if (part.empty()) continue;
      if (!text.empty()) text += ' ';
      text += part;
    }
    if (text.size() > kMaxFeedDescriptionBytes) break;
  }
  return text;
}

void AddPosting(const RawPosition& raw, FeedBuilder* builder, std::size_t index) {
  FeedPosting out;
  Posting& p = out.posting;
  p.identifier = Field(raw, "id");
  p.title = HtmlToText(Field(raw, "name"));
  if (p.identifier.empty()) return builder->Skip(index, "no id");
  if (p.title.empty()) return builder->Skip(index, "no name");
  const std::string origin = Origin(builder->request_url());
  if (origin.empty()) return builder->Skip(index, "no job page: the feed URL is not http(s)");
  p.url = origin + "/job/" + PathSegment(p.identifier);
  p.company = HtmlToText(Field(raw, "subcompany"));
  const std::string office = Field(raw, "office");
  SetPlace(PlaceFromText(office), &p);
  std::string places = office;
  for (const std::string& other : raw.offices) {
    const std::string text = CollapseWhitespace(other);
    if (text.empty() || text == office) continue;
    out.other_places.push_back(PlaceFromText(text));
    places += ", " + text;
  }
  p.description = Description(raw);
  p.employment_type = EmploymentType(raw);
  p.remote = DetectRemote(places);
  if (p.remote.empty()) p.remote = DetectRemote(p.description);
  p.date_posted = NormalizeDate(Field(raw, "createdat"), "");
  builder->Add(std::move(out));
}

void PersonioHandler::Finish() {
  in_position_ = false;
  path_.clear();
  AddPosting(position_, builder_, positions_ - 1);
}

}  // namespace

void ReadPersonio(std::string_view body, FeedBuilder* builder) {
  if (body.size() > kMaxFeedBytes) {
    builder->SetTruncated("larger than " + std::to_string(kMaxFeedBytes) +
                          " bytes; the rest is ignored");
    body = body.substr(0, kMaxFeedBytes);
  }
  PersonioHandler handler(builder);
  XmlLimits limits;
  limits.max_bytes = kMaxFeedBytes + kMaxFeedBytes / 4;  // references grow when rewritten
  limits.max_depth = kMaxFeedDepth;
  ReadXml(body, &handler, limits);
  if (handler.positions() > 0 || handler.root() == "workzag-jobs") {
    builder->SetListed(handler.positions());
    if (handler.root() != "workzag-jobs")
      builder->Note("unexpected root element <" + handler.root() + ">");
  } else {
    builder->Note(handler.root().empty() ? "no XML elements"
                                         : "no <position> in <" + handler.root() + ">");
  }
}

}  // namespace jobcrawler::parsers::feed_detail
