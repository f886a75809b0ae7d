// GumboArena: blocks are aligned, distinct and stay valid until the arena
// goes; gumbo builds the same tree with it as with malloc.
#include "parsers/html/gumbo_arena.h"

#include <gumbo.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace jobcrawler::parsers::internal {
namespace {

TEST(GumboArena, BlocksAreAlignedDistinctAndKeepTheirBytes) {
  GumboArena arena;
  std::vector<std::pair<unsigned char*, std::size_t>> blocks;
  const std::size_t sizes[] = {0,
                               1,
                               7,
                               16,
                               17,
                               100,
                               4096,
                               GumboArena::kChunkBytes / 4,
                               GumboArena::kChunkBytes / 4 + 1,
                               3 * GumboArena::kChunkBytes};
  for (int round = 0; round < 50; ++round) {
    for (std::size_t size : sizes) {
      auto* block = static_cast<unsigned char*>(GumboArena::Allocate(&arena, size));
      ASSERT_NE(block, nullptr);
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % alignof(std::max_align_t), 0u) << size;
      std::memset(block, static_cast<int>(blocks.size() % 251), size);
      blocks.emplace_back(block, size);
      if (round % 2 == 0) GumboArena::Deallocate(&arena, block);  // changes nothing
    }
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto [block, size] = blocks[i];
    for (std::size_t k = 0; k < size; ++k) {
      ASSERT_EQ(block[k], i % 251) << "block " << i << " of " << size << " bytes, byte " << k;
    }
  }
}

TEST(GumboArena, SmallBlocksShareChunksAndBigOnesGetTheirOwn) {
  GumboArena arena;
  EXPECT_EQ(arena.reserved_bytes(), 0u);
  ASSERT_NE(GumboArena::Allocate(&arena, 24), nullptr);
  const std::size_t one_chunk = arena.reserved_bytes();
  EXPECT_GE(one_chunk, GumboArena::kChunkBytes);
  EXPECT_LT(one_chunk, GumboArena::kChunkBytes + 64);
  for (int i = 0; i < 1000; ++i) ASSERT_NE(GumboArena::Allocate(&arena, 24), nullptr);
  EXPECT_EQ(arena.reserved_bytes(), one_chunk) << "1001 blocks of 32 bytes fit one chunk";
  ASSERT_NE(GumboArena::Allocate(&arena, 200'000), nullptr);
  EXPECT_GE(arena.reserved_bytes(), one_chunk + 200'000);
  EXPECT_LT(arena.reserved_bytes(), one_chunk + 200'000 + 64);
  ASSERT_NE(GumboArena::Allocate(&arena, 24), nullptr);
  EXPECT_LT(arena.reserved_bytes(), one_chunk + 200'000 + 64) << "still the first chunk";
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

  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = &arena;
  GumboOutput* in_arena = gumbo_parse_with_options(&options, html.data(), html.size());
  ASSERT_NE(in_arena, nullptr);
  std::string actual;
  Serialize(in_arena->root, actual);
  EXPECT_EQ(actual, expected);
  EXPECT_GT(arena.reserved_bytes(), html.size()) << "the tree lives in the arena";
  EXPECT_LT(arena.reserved_bytes(), 40 * html.size()) << "a small multiple of the input";
}

}  // namespace
}  // namespace jobcrawler::parsers::internal
