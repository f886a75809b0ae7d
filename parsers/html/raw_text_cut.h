// Cuts the bulk that gumbo must only skip out of a page before it is parsed:
// the contents of <style> elements and of <script> elements that are not
// JSON data (no `type` mentioning "json"). On pages with large inline
// scripts and styles that is most of the bytes, and gumbo's tokenizer walks
// every one of them character by character. Internal to parsers/html
// (HtmlDocument calls it); public for its tests and the benchmark.
//
// Contract: gumbo builds the same tree from the result as from `html`,
// except that the cut elements have no text child (the DOM, attributes,
// every other text and the JSON-LD blocks are identical). Nothing reads
// the text of a script or style besides JSON-LD, so extraction is unchanged.
//
// To keep that exact, the scanner follows the HTML tokenizer
// (https://html.spec.whatwg.org/multipage/parsing.html#tokenization, as
// gumbo 0.10 implements it) only where it is simple and stops cutting (the
// rest of the page is left as it is) where token boundaries would depend on
// the tree builder in ways it does not model:
//  - the data state with start and end tags (names, attributes with their
//    quoting, self-closing), comments (also "<!-->", "<!--->", "--!>"),
//    DOCTYPEs, bogus comments ("<!x", "<?", "</1");
//  - RAWTEXT (style, xmp, iframe, noembed, noframes), RCDATA (title,
//    textarea) and script data with its escape states, each to its end tag;
//  - inline <svg> as long as it holds only common SVG elements, properly
//    nested; anything else in it (an HTML element that breaks out of foreign
//    content, an integration point such as foreignObject, a CDATA section, a
//    misnested end tag) stops the cut;
//  - <math>, <select>, <template>, <frameset>, <plaintext> and <noscript>
//    stop the cut, as does input that ends inside a tag, comment or element.
// Only contents of at least kMinCutBytes are cut.
// Pure; thread-safe; never throws except std::bad_alloc.
#ifndef JOBCRAWLER_PARSERS_HTML_RAW_TEXT_CUT_H_
#define JOBCRAWLER_PARSERS_HTML_RAW_TEXT_CUT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jobcrawler::parsers::internal {

// Smaller contents are not worth a copy of the page.
inline constexpr std::size_t kMinCutBytes = 512;

// `html` with the contents described above removed, or nullopt when there is
// nothing to cut. `min_bytes`: the smallest content cut (tests cut all).
std::optional<std::string> CutRawText(std::string_view html,
                                      std::size_t min_bytes = kMinCutBytes);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_HTML_RAW_TEXT_CUT_H_
