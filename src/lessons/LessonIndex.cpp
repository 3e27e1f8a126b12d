#include "lessons/LessonIndex.hpp"

#include "error/Error.hpp"
#include "glossary/Glossary.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/Lesson.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <sys/stat.h>
#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace partnering::lessons {

namespace {

namespace fs = std::filesystem;

struct FileStamp {
    std::uint64_t hash = 0;
    std::uint64_t size = 0;
    std::int64_t mtime = 0; // nanoseconds
    std::string lessonId;   // empty when the file never indexed successfully

    std::string encode() const
    {
        std::ostringstream out;
        out << std::hex << hash << std::dec << ' ' << size << ' ' << mtime << '\t' << lessonId;
        return out.str();
    }

    static FileStamp decode(const std::string& text)
    {
        FileStamp stamp;
        std::istringstream in(text.substr(0, text.find('\t')));
        in >> std::hex >> stamp.hash >> std::dec >> stamp.size >> stamp.mtime;
        const auto tab = text.find('\t');
        if (tab != std::string::npos)
            stamp.lessonId = text.substr(tab + 1);
        return stamp;
    }
};

struct InputFile {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime = 0;
};

std::string fileKey(const std::string& path)
{
    return std::string(schema::kFileKeyPrefix).append(path);
}

bool statFile(const std::string& path, InputFile& file)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return false;
    file.path = path;
    file.size = static_cast<std::uint64_t>(info.st_size);
    file.mtime = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return true;
}

// The lesson files named by `inputs`: files as given, folders searched for *.xml.
std::vector<InputFile> expandInputs(const std::vector<fs::path>& inputs, std::vector<RejectedFile>& rejected)
{
    std::set<std::string> seen;
    std::vector<InputFile> files;
    auto add = [&](const fs::path& path) {
        std::error_code ec;
        const std::string canonical = fs::weakly_canonical(fs::absolute(path), ec).string();
        InputFile file;
        if (seen.insert(canonical).second && statFile(canonical, file))
            files.push_back(std::move(file));
    };
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
                 !ec && it != end; it.increment(ec))
                if (it->is_regular_file(ec) && it->path().extension() == ".xml")
                    add(it->path());
            if (ec)
                rejected.push_back({input.string(),
                                    "[partnering.lessons.unreadable] " + input.string() + ": " + ec.message(), false});
        } else if (fs::is_regular_file(input, ec)) {
            add(input);
        } else {
            rejected.push_back({input.string(), "[partnering.lessons.missing-input] " + input.string()
                                                    + ": no such file or folder", false});
        }
    }
    std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    return files;
}

bool readFile(const std::string& path, std::string& bytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
    return !in.bad();
}

std::uint64_t fingerprint(std::string_view bytes)
{
    return XXH3_64bits(bytes.data(), bytes.size());
}

// What an analysis thread hands the writer for one file.
struct Prepared {
    enum class Kind { Unchanged, Rejected, Lesson } kind = Kind::Rejected;
    std::string message;
    std::uint64_t hash = 0;
    Lesson lesson;
    std::vector<PreparedText> texts;
};

class Analyzers {
public:
    TextAnalyzer& forLanguage(const std::string& language)
    {
        auto found = analyzers_.find(language);
        if (found == analyzers_.end())
            found = analyzers_.emplace(language, TextAnalyzer(language)).first;
        return found->second;
    }

private:
    std::map<std::string, TextAnalyzer> analyzers_;
};

Prepared prepareFile(const InputFile& file, const FileStamp* recorded, Analyzers& analyzers)
{
    Prepared prepared;
    try {
        std::string bytes;
        if (!readFile(file.path, bytes)) {
            prepared.message = "[partnering.lessons.unreadable] " + file.path + ": cannot read the file";
            return prepared;
        }
        prepared.hash = fingerprint(bytes);
        if (recorded != nullptr && recorded->hash == prepared.hash && !recorded->lessonId.empty()) {
            prepared.kind = Prepared::Kind::Unchanged;
            return prepared;
        }
        prepared.lesson = parseLesson(bytes, file.path);
        for (const auto& text : prepared.lesson.texts)
            prepared.texts.push_back(prepareText(prepared.lesson, text, analyzers.forLanguage(text.language)));
        prepared.kind = Prepared::Kind::Lesson;
    } catch (const Error& e) {
        prepared.kind = Prepared::Kind::Rejected;
        prepared.message = e.what();
    } catch (const std::exception& e) {
        prepared.kind = Prepared::Kind::Rejected;
        prepared.message = std::string("[partnering.lessons.internal] ") + file.path + ": " + e.what();
    }
    return prepared;
}

// Runs prepareFile on `threads` threads and hands results to `write` in input order, with at
// most `window` prepared files held in memory.
template <class Write>
void pipeline(const std::vector<InputFile>& files, const std::vector<const FileStamp*>& recorded, unsigned threads,
              Write&& write)
{
    const std::size_t count = files.size();
    const std::size_t window = std::max<std::size_t>(64, threads * 16);
    std::vector<std::optional<Prepared>> ring(window);
    std::mutex mutex;
    std::condition_variable produced;
    std::condition_variable consumed;
    std::size_t written = 0;
    bool stop = false;
    std::atomic<std::size_t> next{0};

    auto work = [&] {
        Analyzers analyzers;
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= count)
                return;
            {
                std::unique_lock lock(mutex);
                consumed.wait(lock, [&] { return stop || i < written + window; });
                if (stop)
                    return;
            }
            Prepared prepared = prepareFile(files[i], recorded[i], analyzers);
            {
                std::lock_guard lock(mutex);
                ring[i % window] = std::move(prepared);
            }
            produced.notify_all();
        }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back(work);

    try {
        for (std::size_t i = 0; i < count; ++i) {
            Prepared prepared;
            {
                std::unique_lock lock(mutex);
                produced.wait(lock, [&] { return ring[i % window].has_value(); });
                prepared = std::move(*ring[i % window]);
                ring[i % window].reset();
                written = i + 1;
            }
            consumed.notify_all();
            write(i, std::move(prepared));
        }
    } catch (...) {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        consumed.notify_all();
        for (auto& worker : workers)
            worker.join();
        throw;
    }
    for (auto& worker : workers)
        worker.join();
}

} // namespace

struct LessonIndex::Impl {
    fs::path directory;
    Xapian::WritableDatabase db;

    // Every document id of a lesson's texts.
    std::vector<Xapian::docid> textsOf(const std::string& lessonId)
    {
        std::vector<Xapian::docid> ids;
        const std::string term = schema::lessonTerm(lessonId);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
            ids.push_back(*it);
        return ids;
    }

    void forgetSpelling(Xapian::docid id)
    {
        const Xapian::Document document = db.get_document(id);
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
            const std::string word = *term;
            if (!word.empty() && !(word[0] >= 'A' && word[0] <= 'Z') && worthSpelling(word))
                db.remove_spelling(word, 1);
        }
    }

    void deleteText(Xapian::docid id)
    {
        forgetSpelling(id);
        db.delete_document(id);
    }

    void deleteLesson(const std::string& lessonId)
    {
        for (auto id : textsOf(lessonId))
            deleteText(id);
    }

    void writeLesson(Prepared& prepared)
    {
        std::set<std::string> keep;
        for (const auto& text : prepared.texts)
            keep.insert(text.uniqueTerm);
        for (auto id : textsOf(prepared.lesson.id)) {
            const Xapian::Document old = db.get_document(id);
            auto term = old.termlist_begin();
            term.skip_to(std::string(schema::kUniqueId));
            const bool stays = term != old.termlist_end() && keep.count(*term) > 0;
            if (stays)
                forgetSpelling(id); // replaced below with its new words
            else
                deleteText(id); // a language the lesson no longer has
        }
        for (auto& text : prepared.texts) {
            db.replace_document(text.uniqueTerm, text.document);
            for (const auto& word : text.spellingWords)
                db.add_spelling(word, 1);
        }
    }

    std::size_t loadGlossary(const fs::path& path, BuildReport& report)
    {
        std::string bytes;
        if (!readFile(path.string(), bytes)) {
            report.rejected.push_back({path.string(),
                                       "[partnering.glossary.unreadable] " + path.string() + ": cannot read the file",
                                       true});
            return 0;
        }
        const std::string print = std::to_string(fingerprint(bytes));
        if (db.get_metadata(std::string(schema::kGlossaryKey)) == print)
            return 0;
        glossary::Glossary glossary;
        try {
            glossary = glossary::Glossary::parse(bytes, path.string());
        } catch (const Error& e) {
            report.rejected.push_back({path.string(), e.what(), true});
            return 0;
        }
        for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
            db.clear_synonyms(*key);
        Analyzers analyzers;
        std::size_t entries = 0;
        for (const auto& concept_ : glossary.concepts()) {
            for (const auto& from : concept_.terms) {
                std::string key;
                for (const auto& token : analyzers.forLanguage(from.language).tokenize(from.text)) {
                    if (!key.empty())
                        key.push_back(' ');
                    key += token.folded.empty() ? token.term : token.folded;
                }
                if (key.empty())
                    continue;
                for (const auto& to : concept_.terms) {
                    if (&to == &from)
                        continue;
                    db.add_synonym(key, to.language + schema::kSynonymLanguageSeparator + to.text);
                    ++entries;
                }
            }
        }
        db.set_metadata(std::string(schema::kGlossaryKey), print);
        return entries;
    }

    void recordStemmers()
    {
        std::set<std::string> stemmers;
        const std::string prefix(schema::kLanguage);
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
            const std::string language = (*term).substr(prefix.size());
            if (language.find('-') != std::string::npos)
                continue;
            try {
                Xapian::Stem stem(language);
                stemmers.insert(language);
            } catch (const Xapian::InvalidArgumentError&) {
            }
        }
        std::string value;
        for (const auto& language : stemmers)
            value += (value.empty() ? "" : " ") + language;
        db.set_metadata(std::string(schema::kStemmersKey), value);
    }

    // An index from another format version is emptied and rebuilt from the files.
    void upgradeFormat()
    {
        if (db.get_metadata(std::string(schema::kFormatKey)) == schema::kFormatVersion)
            return;
        std::vector<Xapian::docid> all;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
            all.push_back(*it);
        for (auto id : all)
            db.delete_document(id);
        std::vector<std::string> keys;
        for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key)
            keys.push_back(*key);
        for (const auto& key : keys)
            db.set_metadata(key, "");
        for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word)
            db.remove_spelling(*word, word.get_termfreq());
        db.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
    }
};

LessonIndex::LessonIndex(const fs::path& directory) : impl_(std::make_unique<Impl>())
{
    impl_->directory = directory;
    try {
        impl_->db = Xapian::WritableDatabase(directory.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
        throw EnvironmentFailure("partnering.lessons.index-locked",
                                 directory.string() + ": another process is updating this index (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.index-unusable",
                                 directory.string() + ": cannot open the index for writing: " + e.get_description());
    }
}

LessonIndex::~LessonIndex() = default;

BuildReport LessonIndex::build(const std::vector<fs::path>& inputs, const std::optional<fs::path>& glossary,
                               const BuildOptions& options)
{
    BuildReport report;
    Xapian::WritableDatabase& db = impl_->db;
    const std::vector<InputFile> files = expandInputs(inputs, report.rejected);
    std::set<std::string> inputPaths;
    for (const auto& file : files)
        inputPaths.insert(file.path);

    try {
        db.begin_transaction();
        impl_->upgradeFormat();

        std::map<std::string, FileStamp> recorded;
        const std::string prefix(schema::kFileKeyPrefix);
        for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key)
            recorded.emplace((*key).substr(prefix.size()), FileStamp::decode(db.get_metadata(*key)));

        // Files gone from the library go first, so a lesson that moved to another file keeps its id.
        std::map<std::string, std::string> owner; // lesson id -> path
        for (auto it = recorded.begin(); it != recorded.end();) {
            if (inputPaths.count(it->first) == 0) {
                if (!it->second.lessonId.empty())
                    impl_->deleteLesson(it->second.lessonId);
                db.set_metadata(fileKey(it->first), "");
                ++report.removed;
                it = recorded.erase(it);
            } else {
                if (!it->second.lessonId.empty())
                    owner[it->second.lessonId] = it->first;
                ++it;
            }
        }

        // A stamp taken within the file system's timestamp granularity of the last build may
        // miss a rewrite of the same size (Git's "racy" files): such files are hashed again.
        const std::int64_t lastBuild = [&]() -> std::int64_t {
            try {
                return std::stoll(db.get_metadata(std::string(schema::kBuiltAtKey)));
            } catch (const std::exception&) {
                return std::int64_t{0};
            }
        }();
        constexpr std::int64_t kTimestampSlack = 2'000'000'000;
        db.set_metadata(std::string(schema::kBuiltAtKey),
                        std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count()));

        std::vector<InputFile> work;
        std::vector<const FileStamp*> workStamps;
        for (const auto& file : files) {
            const auto found = recorded.find(file.path);
            const FileStamp* stamp = found == recorded.end() ? nullptr : &found->second;
            if (stamp != nullptr && !stamp->lessonId.empty() && stamp->size == file.size && stamp->mtime == file.mtime
                && stamp->mtime < lastBuild - kTimestampSlack) {
                ++report.unchanged;
                continue;
            }
            work.push_back(file);
            workStamps.push_back(stamp);
        }

        // The calling thread writes to Xapian, the bottleneck: it keeps a core of its own.
        const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency() - 1);
        pipeline(work, workStamps, threads, [&](std::size_t i, Prepared prepared) {
            const InputFile& file = work[i];
            const FileStamp* previous = workStamps[i];
            FileStamp stamp{prepared.hash, file.size, file.mtime, previous != nullptr ? previous->lessonId : ""};
            switch (prepared.kind) {
            case Prepared::Kind::Unchanged:
                ++report.unchanged;
                db.set_metadata(fileKey(file.path), stamp.encode());
                break;
            case Prepared::Kind::Rejected:
                report.rejected.push_back({file.path, prepared.message, previous != nullptr && !previous->lessonId.empty()});
                break;
            case Prepared::Kind::Lesson: {
                const std::string& id = prepared.lesson.id;
                const auto taken = owner.find(id);
                if (taken != owner.end() && taken->second != file.path) {
                    report.rejected.push_back(
                        {file.path,
                         "[partnering.lessons.duplicate-id] " + file.path + ":1: lesson id \"" + id
                             + "\" is already used by " + taken->second,
                         previous != nullptr && !previous->lessonId.empty()});
                    break;
                }
                if (previous != nullptr && !previous->lessonId.empty() && previous->lessonId != id) {
                    impl_->deleteLesson(previous->lessonId); // the file now holds another lesson
                    owner.erase(previous->lessonId);
                }
                impl_->writeLesson(prepared);
                report.texts += prepared.texts.size();
                owner[id] = file.path;
                stamp.lessonId = id;
                db.set_metadata(fileKey(file.path), stamp.encode());
                ++(previous != nullptr && !previous->lessonId.empty() ? report.updated : report.added);
                break;
            }
            }
            if (options.progress)
                options.progress(i + 1, work.size());
        });

        if (glossary)
            report.synonyms = impl_->loadGlossary(*glossary, report);
        impl_->recordStemmers();
        db.commit_transaction();
    } catch (const Xapian::Error& e) {
        try {
            db.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
        throw EnvironmentFailure("partnering.lessons.index-write",
                                 impl_->directory.string() + ": " + e.get_description());
    } catch (...) {
        try {
            db.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
        throw;
    }
    return report;
}

} // namespace partnering::lessons
