#include "parsers/html/gumbo_arena.h"

#include <cstdlib>
#include <new>

namespace jobcrawler::parsers::internal {

constexpr std::size_t kAlign = alignof(std::max_align_t);

// A chunk's header; its payload follows, aligned.
struct alignas(std::max_align_t) GumboArena::Chunk {
  Chunk* previous;
};

namespace {

constexpr std::size_t RoundUp(std::size_t size) { return (size + kAlign - 1) & ~(kAlign - 1); }

}  // namespace

GumboArena::~GumboArena() {
  while (chunks_ != nullptr) {
    Chunk* previous = chunks_->previous;
    std::free(chunks_);
    chunks_ = previous;
  }
}

void* GumboArena::Allocate(void* arena, std::size_t size) noexcept {
  return static_cast<GumboArena*>(arena)->Take(size);
}

void GumboArena::Deallocate(void* /*arena*/, void* /*block*/) noexcept {}

GumboArena::Chunk* GumboArena::NewChunk(std::size_t payload) noexcept {
  if (payload > static_cast<std::size_t>(-1) - sizeof(Chunk)) return nullptr;
  void* memory = std::malloc(sizeof(Chunk) + payload);
  if (memory == nullptr) return nullptr;
  auto* chunk = new (memory) Chunk{chunks_};
  chunks_ = chunk;
  reserved_ += sizeof(Chunk) + payload;
  return chunk;
}

void* GumboArena::Take(std::size_t size) noexcept {
  if (size > kChunkBytes / 4) {
    // A big block (a long text's buffer) takes a chunk of its own; small
    // blocks go on being carved from the shared chunk in use.
    Chunk* own = NewChunk(RoundUp(size));
    return own == nullptr ? nullptr : own + 1;
  }
  const std::size_t rounded = RoundUp(size == 0 ? 1 : size);
  if (rounded > left_) {
    Chunk* chunk = NewChunk(kChunkBytes);
    if (chunk == nullptr) return nullptr;
    next_ = reinterpret_cast<char*>(chunk + 1);
    left_ = kChunkBytes;
  }
  void* block = next_;
  next_ += rounded;
  left_ -= rounded;
  return block;
}

}  // namespace jobcrawler::parsers::internal
