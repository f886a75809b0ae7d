// GumboArena: blocks are aligned, distinct and stay valid until the arena
// goes; gumbo builds the same tree with it as with malloc.
#include "parsers/html/gumbo_arena.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace jobcrawler::parsers::internal {
namespace {

TEST(GumboArena, BlocksAreAlignedDistinctAndKeepTheirBytes) {
  GumboArena arena;
  struct Kept {
    unsigned char* block;
    std::size_t size;
    unsigned char fill;
  };
  std::vector<Kept> kept;
  const std::size_t sizes[] = {0,    1,    7,
                               16,   17,   100,
                               4096, GumboArena::kOwnChunkAbove, GumboArena::kOwnChunkAbove + 1,
                               3 * GumboArena::kChunkBytes};
  for (int round = 0; round < 50; ++round) {
    for (std::size_t size : sizes) {
      auto* block = static_cast<unsigned char*>(GumboArena::Allocate(&arena, size));
      ASSERT_NE(block, nullptr);
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % alignof(std::max_align_t), 0u) << size;
      const auto fill = static_cast<unsigned char>(kept.size() % 251);
      std::memset(block, fill, size);
      if (round % 3 == 0) {
        GumboArena::Deallocate(&arena, block);  // free to be handed out again
      } else {
        kept.push_back({block, size, fill});
      }
    }
  }
  for (const Kept& k : kept) {
    for (std::size_t i = 0; i < k.size; ++i) {
      ASSERT_EQ(k.block[i], k.fill) << "a block of " << k.size << " bytes, byte " << i;
    }
  }
  GumboArena::Deallocate(&arena, nullptr);  // as free(nullptr)
}

TEST(GumboArena, SmallBlocksShareChunksAndBigOnesGetTheirOwn) {
  if (GumboArena::kEveryBlockAlone) GTEST_SKIP() << "AddressSanitizer: every block alone";
  GumboArena arena;
  EXPECT_EQ(arena.reserved_bytes(), 0u);
  ASSERT_NE(GumboArena::Allocate(&arena, 24), nullptr);
  const std::size_t one_chunk = arena.reserved_bytes();
  EXPECT_GE(one_chunk, GumboArena::kChunkBytes);
  EXPECT_LT(one_chunk, GumboArena::kChunkBytes + 64);
  for (int i = 0; i < 1000; ++i) ASSERT_NE(GumboArena::Allocate(&arena, 24), nullptr);
  EXPECT_EQ(arena.reserved_bytes(), one_chunk) << "1001 blocks of 24 bytes fit one chunk";
  void* big = GumboArena::Allocate(&arena, 200'000);
  ASSERT_NE(big, nullptr);
  EXPECT_GE(arena.reserved_bytes(), one_chunk + 200'000);
  EXPECT_LT(arena.reserved_bytes(), one_chunk + 200'000 + 128);
  ASSERT_NE(GumboArena::Allocate(&arena, 24), nullptr);
  EXPECT_LT(arena.reserved_bytes(), one_chunk + 200'000 + 128) << "still the first chunk";
  GumboArena::Deallocate(&arena, big);
  EXPECT_EQ(arena.reserved_bytes(), one_chunk) << "a big block's chunk goes back at once";
}

TEST(GumboArena, AFreedBlockIsHandedOutAgainForTheSameRoundedSize) {
  if (GumboArena::kEveryBlockAlone) GTEST_SKIP() << "AddressSanitizer: every block alone";
  GumboArena arena;
  void* first = GumboArena::Allocate(&arena, 40);
  void* second = GumboArena::Allocate(&arena, 40);
  GumboArena::Deallocate(&arena, first);
  GumboArena::Deallocate(&arena, second);
  EXPECT_EQ(GumboArena::Allocate(&arena, 33), second) << "48 bytes rounded, last freed first";
  EXPECT_EQ(GumboArena::Allocate(&arena, 48), first);
  EXPECT_NE(GumboArena::Allocate(&arena, 40), first);
  void* other = GumboArena::Allocate(&arena, 64);
  GumboArena::Deallocate(&arena, other);
  EXPECT_NE(GumboArena::Allocate(&arena, 48), other) << "another size class";
}

// Sizes whose chunk would overflow size_t. (A malloc that fails gives null
// too, but the sanitizers stop a test at an impossible malloc.)
TEST(GumboArena, SizesNoMemoryCanHoldGiveNull) {
  GumboArena arena;
  EXPECT_EQ(GumboArena::Allocate(&arena, SIZE_MAX), nullptr);
  EXPECT_EQ(GumboArena::Allocate(&arena, SIZE_MAX - 8), nullptr);
  EXPECT_EQ(arena.reserved_bytes(), 0u);
  EXPECT_NE(GumboArena::Allocate(&arena, 8), nullptr) << "and the arena goes on";
}

// Tag names and text of the tree, in document order.
void Serialize(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_ELEMENT) {
    out += '<';
    out += gumbo_normalized_tagname(node->v.element.tag);
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
      out += ' ';
      out += attribute->name;
      out += '=';
      out += attribute->value;
    }
    out += '>';
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Serialize(static_cast<const GumboNode*>(children.data[i]), out);
    }
    out += "</>";
  } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
  }
}

// Gumbo's tree of `html`, serialized, and what the arena reserved for it.
std::pair<std::string, std::size_t> ParseInArena(const std::string& html) {
  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 16;  // as HtmlDocument
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = &arena;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::string tree;
  if (output != nullptr) Serialize(output->root, tree);
  return {tree, arena.reserved_bytes()};
}

TEST(GumboArena, GumboBuildsTheSameTreeAsWithMalloc) {
  std::string html = "<!doctype html><title>Jobs</title><table>";
  for (int i = 0; i < 2000; ++i) {
    html += "<tr><td class=c" + std::to_string(i) + ">IT-Leiter <b>" + std::to_string(i) +
            "</b><a href='/job/" + std::to_string(i) + "'>mehr";
  }
  html += "</table><p>" + std::string(300'000, 'x') + "<div><p>unclosed &amp; broken</span>";

  GumboOutput* plain = gumbo_parse(html.c_str());
  std::string expected;
  Serialize(plain->root, expected);
  gumbo_destroy_output(&kGumboDefaultOptions, plain);

  const auto [tree, reserved] = ParseInArena(html);
  EXPECT_EQ(tree, expected);
  EXPECT_GT(reserved, html.size()) << "the tree lives in the arena";
}

// The most gumbo holds at once when it parses `html` with malloc and free.
std::size_t LivePeak(const std::string& html) {
  struct Count {
    std::size_t live = 0;
    std::size_t peak = 0;
  } count;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 16;
  options.userdata = &count;
  options.allocator = [](void* userdata, std::size_t size) -> void* {
    auto* c = static_cast<Count*>(userdata);
    auto* block = static_cast<std::max_align_t*>(std::malloc(sizeof(std::max_align_t) + size));
    if (block == nullptr) return nullptr;
    *reinterpret_cast<std::size_t*>(block) = size;
    c->live += size;
    c->peak = std::max(c->peak, c->live);
    return block + 1;
  };
  options.deallocator = [](void* userdata, void* pointer) {
    if (pointer == nullptr) return;
    auto* block = static_cast<std::max_align_t*>(pointer) - 1;
    static_cast<Count*>(userdata)->live -= *reinterpret_cast<std::size_t*>(block);
    std::free(block);
  };
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  gumbo_destroy_output(&options, output);
  return count.peak;
}

// Markup that makes gumbo allocate and free over and over: an arena that
// did not hand freed blocks out again would hold many times what gumbo
// holds live (end tags with attributes: eighty times the page).
TEST(GumboArena, HoldsAboutWhatGumboHoldsLiveEvenOnGarbageMarkup) {
  if (GumboArena::kEveryBlockAlone) GTEST_SKIP() << "AddressSanitizer: every block alone";
  std::string end_tags;
  while (end_tags.size() < 256 * 1024) end_tags += "</x a b c d e f g h i j k l m n o p q r s t>";
  std::string elements;
  while (elements.size() < 256 * 1024) elements += "<p title='a long attribute value'>x</p>";
  std::string growing = "<p>";
  for (int i = 0; growing.size() < 256 * 1024; ++i) {
    growing += "<a href='" + std::string(i % 3000, 'h') + "'>" + std::string(i % 500, 't');
  }
  for (const std::string& html : {end_tags, elements, growing}) {
    const std::size_t live = LivePeak(html);
    const std::size_t reserved = ParseInArena(html).second;
    // Block headers and size rounding cost up to 32 bytes per block.
    EXPECT_LT(reserved, 2 * live + 2 * GumboArena::kChunkBytes)
        << html.substr(0, 60) << ": live peak " << live;
  }
}

}  // namespace
}  // namespace jobcrawler::parsers::internal
