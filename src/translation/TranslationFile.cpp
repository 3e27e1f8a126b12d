#include "translation/TranslationFile.hpp"

#include "error/Error.hpp"
#include "odf/AtomicFile.hpp"
#include "translation/XliffReader.hpp"
#include "xml/XmlDocument.hpp"

#include <gettext-po.h>
#include <sys/mman.h>
#include <unistd.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>

namespace partnering::l10n {

namespace {

enum class Format { Po, Xliff };

Format formatOf(const std::filesystem::path& path)
{
    const std::string extension = path.extension().string();
    if (extension == ".po" || extension == ".pot")
        return Format::Po;
    if (extension == ".xlf" || extension == ".xliff")
        return Format::Xliff;
    throw InvalidInput("partnering.l10n.unknown-format",
                       path.string() + ": translations are .po (gettext) or .xlf (XLIFF 2.0) files");
}

// A reader never sees half a file, and a failure or a kill leaves no temporary behind.
void writeAtomically(const std::filesystem::path& out, const std::string& bytes)
{
    odf::AtomicFile file(out);
    file.write(bytes);
    file.commit();
}

std::string codeLegend(const TextUnit& unit)
{
    if (unit.codes.empty())
        return {};
    std::string legend = "Keep every code, in the order the translation needs:";
    for (const auto& code : unit.codes) {
        const std::string id = std::to_string(code.id);
        legend += "\n" + (code.paired ? "{" + id + "}...{/" + id + "}" : "{" + id + "/}") + " = " + code.meaning;
    }
    return legend;
}

// ---- PO, through libgettextpo ----------------------------------------------------------

struct PoErrors {
    std::vector<std::string> messages;
    std::jmp_buf* fatal = nullptr;
};
thread_local PoErrors* poErrors = nullptr;

void recordPoError(int severity, po_message_t, const char* filename, size_t line, size_t column, int, const char* text)
{
    if (severity != PO_SEVERITY_WARNING && poErrors != nullptr) {
        std::string where = filename != nullptr ? filename : "";
        if (line != static_cast<size_t>(-1))
            where += ":" + std::to_string(line);
        if (column != static_cast<size_t>(-1))
            where += ":" + std::to_string(column);
        poErrors->messages.push_back(where + ": " + (text != nullptr ? text : "error"));
    }
    if (severity == PO_SEVERITY_FATAL_ERROR && poErrors != nullptr && poErrors->fatal != nullptr)
        std::longjmp(*poErrors->fatal, 1); // libgettextpo requires that this handler not return
}

void recordPoError2(int severity, po_message_t message, const char* filename, size_t line, size_t column, int multiline,
                    const char* text, po_message_t, const char*, size_t, size_t, int, const char*)
{
    recordPoError(severity, message, filename, line, column, multiline, text);
}

// Runs `call(handler)`, a libgettextpo call, with what it reports kept in `errors`; false when
// it failed or libgettextpo gave up (its fatal handler must not return: it jumps back here).
// No object with a destructor lives in this frame: longjmp may leave it.
template <class Call> bool withPoErrors(PoErrors& errors, Call call)
{
    std::jmp_buf fatal;
    errors.fatal = &fatal;
    poErrors = &errors;
    if (setjmp(fatal) != 0) {
        poErrors = nullptr;
        return false;
    }
    const po_xerror_handler handler{recordPoError, recordPoError2};
    const bool done = call(&handler);
    poErrors = nullptr;
    return done;
}

// libgettextpo decodes a PO file's every character through iconv, from its declared charset to
// UTF-8: half of a merge command's instructions. We accept UTF-8 files only, whose multibyte
// characters never hold an ASCII byte (quote, backslash, newline), so reading them byte by
// byte parses them the same; readPo() then checks the charset and each unit's UTF-8 itself.
// gettext's documented OLD_PO_FILE_INPUT does that (it was made for old files with a spurious
// backslash in some CJK encodings, a byte UTF-8 cannot hold). The CLI reads PO files on its
// one thread, so the variable is set for the read only, and a value of the caller's stays.
class BytewisePoReading {
public:
    BytewisePoReading() : set_(std::getenv(kVariable) == nullptr && ::setenv(kVariable, "1", 0) == 0) {}
    ~BytewisePoReading()
    {
        if (set_)
            ::unsetenv(kVariable);
    }
    BytewisePoReading(const BytewisePoReading&) = delete;
    BytewisePoReading& operator=(const BytewisePoReading&) = delete;

private:
    static constexpr const char* kVariable = "OLD_PO_FILE_INPUT";
    bool set_;
};

po_file_t readPoFile(const char* path, PoErrors& errors)
{
    po_file_t file = nullptr;
    const BytewisePoReading bytewise;
    withPoErrors(errors, [&](po_xerror_handler_t handler) { return (file = po_file_read(path, handler)) != nullptr; });
    return file;
}

bool writePoFile(po_file_t file, const char* path, PoErrors& errors)
{
    return withPoErrors(errors, [&](po_xerror_handler_t handler) { return po_file_write(file, path, handler) != nullptr; });
}

bool readAll(int fd, std::string& bytes)
{
    if (::lseek(fd, 0, SEEK_SET) != 0)
        return false;
    char chunk[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        bytes.append(chunk, static_cast<std::size_t>(got));
    }
}

struct PoFileDeleter {
    void operator()(po_file_t file) const noexcept { po_file_free(file); }
};
using PoFile = std::unique_ptr<std::remove_pointer_t<po_file_t>, PoFileDeleter>;

std::string headerField(const char* header, const char* field)
{
    if (header == nullptr)
        return {};
    char* value = po_header_field(header, field);
    std::string result = value != nullptr ? value : "";
    std::free(value);
    return result;
}

bool validUtf8(const char* text)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, text, -1, &status);
    return status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status);
}

void writePo(const TranslationFile& file, const std::filesystem::path& out)
{
    PoFile po(po_file_create());
    po_message_iterator_t iterator = po_message_iterator(po.get(), nullptr);
    po_message_t header = po_message_create();
    po_message_set_msgid(header, "");
    const std::string headerText = "Project-Id-Version: " + file.original + "\nLanguage: " + file.targetLanguage
                                 + "\nPO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\nLast-Translator: \nLanguage-Team: \nMIME-Version: 1.0\n"
                                   "Content-Type: text/plain; charset=UTF-8\n"
                                   "Content-Transfer-Encoding: 8bit\nX-Generator: partnering l10n extract\n"
                                   "X-Source-Language: " + file.sourceLanguage + "\n";
    po_message_set_msgstr(header, headerText.c_str());
    po_message_insert(iterator, header);
    for (const auto& unit : file.units) {
        po_message_t message = po_message_create();
        po_message_set_msgctxt(message, unit.id.c_str());
        po_message_set_msgid(message, unit.source.c_str());
        po_message_set_msgstr(message, unit.target.c_str());
        std::string comments = unit.context;
        if (const std::string legend = codeLegend(unit); !legend.empty())
            comments += (comments.empty() ? "" : "\n") + legend;
        po_message_set_extracted_comments(message, comments.c_str());
        po_message_add_filepos(message, unit.id.substr(0, unit.id.find('/')).c_str(), static_cast<size_t>(unit.line));
        po_message_insert(iterator, message);
    }
    po_message_iterator_free(iterator);
    // libgettextpo writes only to a named file, and a full disk goes unnoticed: it writes into an
    // anonymous file in memory, which then reaches the disk whole or not at all.
    const int memory = ::memfd_create("partnering-po", MFD_CLOEXEC);
    if (memory < 0)
        throw EnvironmentFailure("partnering.l10n.write", out.string() + ": " + std::strerror(errno));
    PoErrors errors;
    const bool written = writePoFile(po.get(), ("/proc/self/fd/" + std::to_string(memory)).c_str(), errors);
    std::string bytes;
    const bool read = written && errors.messages.empty() && readAll(memory, bytes);
    ::close(memory);
    if (!read)
        throw EnvironmentFailure("partnering.l10n.write",
                                 out.string() + ": " + (errors.messages.empty() ? "cannot write" : errors.messages.front()));
    writeAtomically(out, bytes);
}

TranslationFile readPo(const std::filesystem::path& in)
{
    if (!std::filesystem::is_regular_file(in))
        throw EnvironmentFailure("partnering.l10n.unreadable", in.string() + ": cannot open for reading");
    PoErrors errors;
    PoFile po(readPoFile(in.c_str(), errors));
    if (!po || !errors.messages.empty()) {
        std::string message = in.string() + ": not a valid PO file";
        for (const auto& error : errors.messages)
            message += "\n" + error;
        throw InvalidInput("partnering.l10n.bad-po", message);
    }
    TranslationFile file;
    // gettext 0.21 hands out a copy of the header despite the const: it is ours to free.
    const std::unique_ptr<char, void (*)(void*)> ownedHeader(const_cast<char*>(po_file_domain_header(po.get(), nullptr)),
                                                             std::free);
    const char* header = ownedHeader.get();
    const std::string contentType = headerField(header, "Content-Type");
    std::string charset = contentType.substr(std::min(contentType.size(), contentType.find("charset=") + 8));
    for (auto& c : charset)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (charset != "utf-8")
        throw InvalidInput("partnering.l10n.bad-charset",
                           in.string() + ": the PO file is in \"" + (charset.empty() ? "no declared charset" : charset)
                               + "\"; save it as UTF-8 (Content-Type: text/plain; charset=UTF-8)");
    file.targetLanguage = headerField(header, "Language");
    file.original = headerField(header, "Project-Id-Version");
    po_message_iterator_t iterator = po_message_iterator(po.get(), nullptr);
    for (po_message_t message = po_next_message(iterator); message != nullptr; message = po_next_message(iterator)) {
        const char* msgid = po_message_msgid(message);
        if (po_message_is_obsolete(message) || msgid == nullptr || *msgid == '\0')
            continue;
        const char* context = po_message_msgctxt(message);
        const char* msgstr = po_message_msgstr(message);
        if (!validUtf8(msgid) || !validUtf8(msgstr)) {
            po_message_iterator_free(iterator);
            throw InvalidInput("partnering.l10n.bad-charset",
                               in.string() + ": unit " + (context != nullptr ? context : msgid) + " is not valid UTF-8");
        }
        TextUnit unit;
        unit.id = context != nullptr ? context : "";
        unit.source = msgid;
        unit.target = po_message_is_fuzzy(message) ? "" : msgstr;
        file.units.push_back(std::move(unit));
    }
    po_message_iterator_free(iterator);
    return file;
}

// ---- XLIFF 2.0, through libxml2 ---------------------------------------------------------

// Unit text with its codes as XLIFF inline elements: {N/} -> <ph>, {N}..{/N} -> <pc>.
std::string xliffInline(const TextUnit& unit, const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') { // the text up to the next brace, escaped at once
            const std::size_t brace = std::min(text.find('{', i), text.size());
            out += xml::escape(std::string_view(text).substr(i, brace - i));
            i = brace - 1;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        const auto end = text.find('}', i);
        const std::string marker = end == std::string::npos ? "" : text.substr(i + 1, end - i - 1);
        const bool closing = !marker.empty() && marker.front() == '/';
        const bool standalone = !marker.empty() && marker.back() == '/';
        const std::string id = closing ? marker.substr(1) : standalone ? marker.substr(0, marker.size() - 1) : marker;
        const auto code = std::find_if(unit.codes.begin(), unit.codes.end(),
                                       [&](const InlineCode& x) { return !id.empty() && std::to_string(x.id) == id; });
        if (code == unit.codes.end()) {
            out += '{'; // a brace, not a code
            continue;
        }
        if (standalone)
            out += "<ph id=\"" + id + "\" dataRef=\"d" + id + "\" disp=\"" + xml::escape(code->meaning) + "\"/>";
        else if (closing)
            out += "</pc>";
        else
            out += "<pc id=\"" + id + "\" dataRefStart=\"d" + id + "s\" dataRefEnd=\"d" + id + "e\" dispStart=\""
                 + xml::escape(code->meaning) + "\">";
        i = end;
    }
    return out;
}

void writeXliff(const TranslationFile& file, const std::filesystem::path& out)
{
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\""
                  + xml::escape(file.sourceLanguage) + "\"";
    if (!file.targetLanguage.empty())
        x += " trgLang=\"" + xml::escape(file.targetLanguage) + "\"";
    x += ">\n <file id=\"f1\" original=\"" + xml::escape(file.original) + "\">\n";
    for (const auto& unit : file.units) {
        x += "  <unit id=\"" + xml::escape(unit.id) + "\">\n";
        const std::string legend = codeLegend(unit);
        if (!unit.context.empty() || !legend.empty()) {
            x += "   <notes>";
            if (!unit.context.empty())
                x += "<note category=\"location\">" + xml::escape(unit.context) + "</note>";
            if (!legend.empty())
                x += "<note category=\"codes\">" + xml::escape(legend) + "</note>";
            x += "</notes>\n";
        }
        if (!unit.codes.empty()) {
            x += "   <originalData>";
            for (const auto& code : unit.codes) {
                const std::string id = std::to_string(code.id);
                if (code.paired)
                    x += "<data id=\"d" + id + "s\">" + xml::escape(code.open) + "</data><data id=\"d" + id + "e\">"
                       + xml::escape(code.close) + "</data>";
                else
                    x += "<data id=\"d" + id + "\">" + xml::escape(code.open) + "</data>";
            }
            x += "</originalData>\n";
        }
        x += "   <segment state=\"" + std::string(unit.target.empty() ? "initial" : "translated") + "\">\n    <source>"
           + xliffInline(unit, unit.source) + "</source>\n";
        if (!unit.target.empty())
            x += "    <target>" + xliffInline(unit, unit.target) + "</target>\n";
        x += "   </segment>\n  </unit>\n";
    }
    x += " </file>\n</xliff>\n";
    writeAtomically(out, x);
}

} // namespace

void writeTranslation(const TranslationFile& file, const std::filesystem::path& out)
{
    if (formatOf(out) == Format::Po)
        writePo(file, out);
    else
        writeXliff(file, out);
}

TranslationFile readTranslation(const std::filesystem::path& in)
{
    return formatOf(in) == Format::Po ? readPo(in) : readXliff(in);
}

} // namespace partnering::l10n
