#include "parsers/match/title_pattern.h"

#include <string>
#include <string_view>
#include <vector>

#include "parsers/match/matcher.h"

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kGap = "...";

std::vector<std::string_view> SplitOn(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string RemoveSpaces(std::string text) {
  std::erase(text, ' ');
  return text;
}

// Folds the literal pieces of one alternative and keeps its "*"s.
std::string FoldGlob(std::string_view alternative) {
  std::string glob;
  const std::vector<std::string_view> pieces = SplitOn(alternative, '*');
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) glob.push_back('*');
    glob += RemoveSpaces(FoldForMatching(pieces[i]));
  }
  return glob;
}

bool HasOperator(std::string_view chunk) {
  return chunk.find_first_of("*|") != std::string_view::npos;
}

std::string SpaceOutGaps(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, kGap.size()) == kGap) {
      out += " ... ";
      i += kGap.size() - 1;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::vector<std::string> SplitWhitespace(std::string_view text) {
  std::vector<std::string> chunks;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!current.empty()) chunks.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) chunks.push_back(std::move(current));
  return chunks;
}

}  // namespace

std::optional<TitlePattern> TitlePattern::Parse(std::string_view text) {
  TitlePattern pattern;
  bool gap = false;
  for (const std::string& chunk : SplitWhitespace(SpaceOutGaps(text))) {
    if (chunk == kGap) {
      gap = !pattern.elements_.empty();
      continue;
    }
    if (!HasOperator(chunk)) {
      // A plain chunk may fold to several words: "IT-Leiter" -> "it leiter".
      // (The folded string must outlive the views SplitFolded returns.)
      const std::string folded = FoldForMatching(chunk);
      for (std::string_view word : SplitFolded(folded)) {
        pattern.elements_.push_back({{std::string(word)}, gap});
        gap = false;
      }
      continue;
    }
    Element element{{}, gap};
    for (std::string_view alternative : SplitOn(chunk, '|')) {
      std::string glob = FoldGlob(alternative);
      if (!glob.empty()) element.alternatives.push_back(std::move(glob));
    }
    if (element.alternatives.empty()) continue;
    pattern.elements_.push_back(std::move(element));
    gap = false;
  }
  if (pattern.elements_.empty()) return std::nullopt;
  pattern.text_ = std::string(text);
  return pattern;
}

bool TitlePattern::Matches(const std::vector<std::string_view>& words) const {
  for (size_t start = 0; start < words.size(); ++start) {
    if (MatchesFrom(words, 0, start)) return true;
  }
  return false;
}

// Does elements_[element] match words[word], and the rest match after it?
bool TitlePattern::MatchesFrom(const std::vector<std::string_view>& words,
                               size_t element, size_t word) const {
  if (word >= words.size()) return false;
  bool here = false;
  for (const std::string& glob : elements_[element].alternatives) {
    here = here || GlobMatches(glob, words[word]);
  }
  if (!here) return false;
  if (element + 1 == elements_.size()) return true;
  const size_t max_skip =
      elements_[element + 1].gap_before ? kMaxGapWords : 0;
  for (size_t skip = 0; skip <= max_skip; ++skip) {
    if (MatchesFrom(words, element + 1, word + 1 + skip)) return true;
  }
  return false;
}

std::vector<std::string_view> SplitFolded(std::string_view folded) {
  std::vector<std::string_view> words;
  for (std::string_view part : SplitOn(folded, ' ')) {
    if (!part.empty()) words.push_back(part);
  }
  return words;
}

bool GlobMatches(std::string_view glob, std::string_view word) {
  // Classic greedy wildcard match with one backtrack point.
  size_t g = 0, w = 0, star = std::string_view::npos, resume = 0;
  while (w < word.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star = g++;
      resume = w;
    } else if (g < glob.size() && glob[g] == word[w]) {
      ++g;
      ++w;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      w = ++resume;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

}  // namespace jobcrawler::parsers
