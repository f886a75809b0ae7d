#include "parsers/html/gumbo_arena.h"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace jobcrawler::parsers::internal {
namespace {

constexpr std::size_t kAlign = alignof(std::max_align_t);

// Precedes every block: its size class (rounded size / kAlign), or 0 when
// the block has a chunk of its own.
struct alignas(kAlign) Header {
  std::size_t size_class;
};

constexpr std::size_t RoundUp(std::size_t size) { return (size + kAlign - 1) & ~(kAlign - 1); }

}  // namespace

struct alignas(kAlign) GumboArena::Chunk {
  Chunk* older;
  Chunk* newer;
  std::size_t bytes;  // with this header
};

// A freed block, waiting on its size class's list.
struct GumboArena::Block {
  Block* next;
};

GumboArena::~GumboArena() {
  while (chunks_ != nullptr) {
    Chunk* older = chunks_->older;
    std::free(chunks_);
    chunks_ = older;
  }
}

void* GumboArena::Allocate(void* arena, std::size_t size) noexcept {
  return static_cast<GumboArena*>(arena)->Take(size);
}

void GumboArena::Deallocate(void* arena, void* block) noexcept {
  static_cast<GumboArena*>(arena)->Give(block);
}

void* GumboArena::Take(std::size_t size) noexcept {
  if (kEveryBlockAlone || size > kOwnChunkAbove) return TakeOwnChunk(size);
  const std::size_t rounded = RoundUp(size == 0 ? 1 : size);
  const std::size_t size_class = rounded / kAlign;
  if (Block* reused = free_[size_class]; reused != nullptr) {
    free_[size_class] = reused->next;
    return reused;
  }
  const std::size_t need = sizeof(Header) + rounded;
  if (need > left_) {
    // The rest of the chunk in use (less than kOwnChunkAbove) stays unused.
    Chunk* chunk = NewChunk(kChunkBytes);
    if (chunk == nullptr) return nullptr;
    next_ = reinterpret_cast<char*>(chunk + 1);
    left_ = kChunkBytes;
  }
  auto* header = new (next_) Header{size_class};
  next_ += need;
  left_ -= need;
  return header + 1;
}

void GumboArena::Give(void* block) noexcept {
  if (block == nullptr) return;
  Header* header = static_cast<Header*>(block) - 1;
  if (header->size_class == 0) {
    FreeChunk(reinterpret_cast<Chunk*>(header) - 1);
    return;
  }
  free_[header->size_class] = new (block) Block{free_[header->size_class]};
}

void* GumboArena::TakeOwnChunk(std::size_t size) noexcept {
  if (size > SIZE_MAX - sizeof(Chunk) - sizeof(Header)) return nullptr;
  Chunk* chunk = NewChunk(sizeof(Header) + size);
  if (chunk == nullptr) return nullptr;
  auto* header = new (chunk + 1) Header{0};
  return header + 1;
}

GumboArena::Chunk* GumboArena::NewChunk(std::size_t payload) noexcept {
  const std::size_t bytes = sizeof(Chunk) + payload;
  void* memory = std::malloc(bytes);
  if (memory == nullptr) return nullptr;
  auto* chunk = new (memory) Chunk{chunks_, nullptr, bytes};
  if (chunks_ != nullptr) chunks_->newer = chunk;
  chunks_ = chunk;
  reserved_ += bytes;
  return chunk;
}

void GumboArena::FreeChunk(Chunk* chunk) noexcept {
  if (chunk->newer != nullptr) {
    chunk->newer->older = chunk->older;
  } else {
    chunks_ = chunk->older;
  }
  if (chunk->older != nullptr) chunk->older->newer = chunk->newer;
  reserved_ -= chunk->bytes;
  std::free(chunk);
}

}  // namespace jobcrawler::parsers::internal
