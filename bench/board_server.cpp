// Serves a board written by bench/board_gen.py for scripts/bench, fast
// enough not to be what a crawl waits for.
//
// Every page is held in memory gzipped, as the generator wrote it, with its
// response header built once: a request costs a lookup and one gathered
// write (keep-alive, pipelining tolerated). A client that does not accept
// gzip gets the page inflated (built on first use and kept). Unknown paths
// answer 404. "/job/N?anything" serves /job/N, so that a frontier filled
// with distinct URLs (the frontier mode of scripts/bench) can be crawled.
//
// Usage: board_server BOARD_DIR [PORT]   (port 0 or absent: any free port)
// Prints "listening on http://127.0.0.1:PORT" and, on SIGINT/SIGTERM, the
// requests served. One thread: the machine's other core is the crawler's.
#include <zlib.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/write.hpp>

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

// A request head longer than this is refused (ours are a few hundred bytes).
constexpr std::size_t kMaxRequestBytes = 64 * 1024;

struct Page {
  std::string gzip_header;  // status line and fields for the gzipped body
  std::string gzip_body;
  std::string plain_header;  // built with plain_body, on first use
  std::string plain_body;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Gunzip(const std::string& gz) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  stream.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  std::array<char, 65536> chunk{};
  int code = Z_OK;
  while (code != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    code = inflate(&stream, Z_NO_FLUSH);
    if (code != Z_OK && code != Z_STREAM_END) {
      inflateEnd(&stream);
      throw std::runtime_error("corrupt gzip page");
    }
    out.append(chunk.data(), chunk.size() - stream.avail_out);
  }
  inflateEnd(&stream);
  return out;
}

std::string Header(std::size_t length, bool gzip) {
  std::string header = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n";
  if (gzip) header += "Content-Encoding: gzip\r\n";
  header += "Vary: Accept-Encoding\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
  return header;
}

const std::string kNotFound =
    "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nnot found\n";

class Board {
 public:
  explicit Board(const std::string& dir) {
    std::ifstream manifest(dir + "/manifest.tsv");
    if (!manifest) throw std::runtime_error("no manifest.tsv in " + dir);
    for (std::string line; std::getline(manifest, line);) {
      std::istringstream fields(line);
      std::string path, file;
      if (!std::getline(fields, path, '\t') || !std::getline(fields, file, '\t')) continue;
      Page page;
      page.gzip_body = ReadFile(dir + "/" + file);
      page.gzip_header = Header(page.gzip_body.size(), true);
      pages_.emplace(std::move(path), std::move(page));
    }
  }

  std::size_t size() const { return pages_.size(); }

  // The page for a request target, or null.
  Page* Find(std::string_view target) {
    auto it = pages_.find(std::string(target));
    if (it == pages_.end() && target.starts_with("/job/")) {
      it = pages_.find(std::string(target.substr(0, target.find('?'))));
    }
    return it == pages_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, Page, std::less<>> pages_;
};

bool HeaderHas(std::string_view head, std::string_view name, std::string_view token) {
  std::size_t at = 0;
  while ((at = head.find("\r\n", at)) != std::string_view::npos) {
    at += 2;
    std::string_view line = head.substr(at, head.find("\r\n", at) - at);
    if (line.size() <= name.size() || line[name.size()] != ':') continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(line[i])) == name[i];
    }
    if (same && line.find(token) != std::string_view::npos) return true;
  }
  return false;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Board& board, std::uint64_t& served)
      : socket_(std::move(socket)), board_(board), served_(served) {}

  void Read() {
    auto self = shared_from_this();
    socket_.async_read_some(asio::buffer(chunk_), [self](error_code ec, std::size_t n) {
      if (ec) return;
      self->pending_.append(self->chunk_.data(), n);
      self->Answer();
    });
  }

 private:
  // Answers the first complete request in pending_, or reads more.
  void Answer() {
    const std::size_t end = pending_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (pending_.size() > kMaxRequestBytes) return;  // drop the connection
      Read();
      return;
    }
    const std::string_view head(pending_.data(), end + 2);
    const std::size_t space = head.find(' ');
    const std::size_t target_end = head.find(' ', space + 1);
    const std::string_view target = head.substr(space + 1, target_end - space - 1);
    close_ = HeaderHas(head, "connection", "close");
    std::array<asio::const_buffer, 2> buffers;
    if (Page* page = board_.Find(target); page == nullptr) {
      buffers = {asio::buffer(kNotFound), asio::const_buffer()};
    } else if (HeaderHas(head, "accept-encoding", "gzip")) {
      buffers = {asio::buffer(page->gzip_header), asio::buffer(page->gzip_body)};
    } else {
      if (page->plain_header.empty()) {
        page->plain_body = Gunzip(page->gzip_body);
        page->plain_header = Header(page->plain_body.size(), false);
      }
      buffers = {asio::buffer(page->plain_header), asio::buffer(page->plain_body)};
    }
    pending_.erase(0, end + 4);
    ++served_;
    auto self = shared_from_this();
    asio::async_write(socket_, buffers, [self](error_code ec, std::size_t) {
      if (ec || self->close_) return;
      self->Answer();
    });
  }

  tcp::socket socket_;
  Board& board_;
  std::uint64_t& served_;
  std::array<char, 8192> chunk_{};
  std::string pending_;
  bool close_ = false;
};

void Accept(tcp::acceptor& acceptor, Board& board, std::uint64_t& served) {
  acceptor.async_accept([&](error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true));
      std::make_shared<Connection>(std::move(socket), board, served)->Read();
    }
    if (acceptor.is_open()) Accept(acceptor, board, served);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: board_server BOARD_DIR [PORT]\n";
    return 2;
  }
  try {
    Board board(argv[1]);
    asio::io_context io(1);
    const auto port = static_cast<unsigned short>(argc > 2 ? std::stoi(argv[2]) : 0);
    tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    acceptor.listen(1024);
    std::uint64_t served = 0;
    Accept(acceptor, board, served);
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](error_code, int) { io.stop(); });
    std::cout << "listening on http://127.0.0.1:" << acceptor.local_endpoint().port() << " ("
              << board.size() << " pages)" << std::endl;
    io.run();
    std::cout << "served " << served << " requests" << std::endl;
  } catch (const std::exception& e) {
    std::cerr << "board_server: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
