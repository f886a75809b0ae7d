// Memory for one gumbo parse, carved from large chunks and released all at
// once with the document. A page's tree is thousands of small nodes,
// strings and vectors; a malloc and a free for each cost more than gumbo's
// tokenizer spends on many of them.
//
// Gumbo frees as it goes (each tag once read, buffers it grew, an end tag's
// attributes), so freed blocks are kept on a list per rounded size and
// handed out again: what the arena holds stays near what gumbo holds live
// at its peak (on job pages about 1.5 times the finished tree), hostile
// markup included. Blocks larger than kOwnChunkAbove get a chunk of their
// own, returned to the system when gumbo frees them. Under AddressSanitizer
// every block gets its own exact-size chunk, so that a read past a block or
// after its free inside gumbo is still caught.
//
// Internal to parsers/html (HtmlDocument uses it); public for its tests.
// Not thread-safe: one parse at a time. Allocation never throws; like
// malloc it returns null when memory runs out.
#ifndef JOBCRAWLER_PARSERS_HTML_GUMBO_ARENA_H_
#define JOBCRAWLER_PARSERS_HTML_GUMBO_ARENA_H_

#include <array>
#include <cstddef>

namespace jobcrawler::parsers::internal {

class GumboArena {
 public:
  // Shared chunks: large enough that a page takes a handful, small enough
  // that malloc keeps them in its heap for the next document.
  static constexpr std::size_t kChunkBytes = 64 * 1024;
  // Larger blocks (a long text's buffer) take a chunk of their own: a
  // shared chunk would be mostly wasted on one, and it can be freed alone.
  static constexpr std::size_t kOwnChunkAbove = kChunkBytes / 4;
  // Under AddressSanitizer (gcc says so by a macro, clang by a feature)
  // every block is malloc'd alone at its exact size and freed when gumbo
  // frees it.
#if defined(__SANITIZE_ADDRESS__)
  static constexpr bool kEveryBlockAlone = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  static constexpr bool kEveryBlockAlone = true;
#else
  static constexpr bool kEveryBlockAlone = false;
#endif
#else
  static constexpr bool kEveryBlockAlone = false;
#endif

  GumboArena() = default;
  ~GumboArena();
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // GumboOptions' allocator and deallocator, with `arena` (the userdata)
  // pointing at a GumboArena. Blocks are aligned for any type. Deallocate
  // takes null or a block of this arena not freed yet.
  static void* Allocate(void* arena, std::size_t size) noexcept;
  static void Deallocate(void* arena, void* block) noexcept;

  // Bytes taken from the system and not yet returned (chunks and headers).
  std::size_t reserved_bytes() const { return reserved_; }

 private:
  struct Chunk;
  struct Block;
  static constexpr std::size_t kClasses = kOwnChunkAbove / alignof(std::max_align_t) + 1;

  void* Take(std::size_t size) noexcept;
  void Give(void* block) noexcept;
  void* TakeOwnChunk(std::size_t size) noexcept;
  Chunk* NewChunk(std::size_t payload) noexcept;
  void FreeChunk(Chunk* chunk) noexcept;

  Chunk* chunks_ = nullptr;  // every chunk, the newest first, linked both ways
  char* next_ = nullptr;     // free space in the shared chunk in use
  std::size_t left_ = 0;
  std::size_t reserved_ = 0;
  std::array<Block*, kClasses> free_{};  // freed blocks by size class (rounded size / 16)
};

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_HTML_GUMBO_ARENA_H_
