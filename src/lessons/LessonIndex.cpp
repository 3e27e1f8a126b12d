#include "lessons/LessonIndex.hpp"

#include "error/Error.hpp"
#include "error/ScopeGuards.hpp"
#include "glossary/Glossary.hpp"
#include "lessons/GlossarySynonyms.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/LessonFiles.hpp"
#include "lessons/PreparedFiles.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdint>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

namespace partnering::lessons {

namespace {

namespace fs = std::filesystem;

std::string fileKey(const std::string& path)
{
    return std::string(schema::kFileKeyPrefix).append(path);
}

} // namespace

// Xapian moves a build's postings from its in-memory inverter into the tables every this many
// documents (its default is 10,000). Our texts carry more terms than plain text indexing, and
// the inverter's maps at 10,000 of them cost more in look-ups and allocation than the more
// frequent merges do: at 2,000 the 50,000-section bench indexed about a third faster, with a
// third less peak memory. A value the user set stays theirs.
void tuneForLargeBuilds()
{
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
}

struct LessonIndex::Impl {
    fs::path directory;
    Xapian::WritableDatabase db;
    // How much each spelling word's frequency changes in this build, applied once before the
    // commit. Xapian keeps its pending spelling changes in ordered maps of every word of the
    // build: a call per word and text cost the writer more than half of its time.
    std::unordered_map<std::string, std::int64_t> spellingChanges;

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
                --spellingChanges[word];
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

    // `known`: the index may hold texts of the lesson (a file recorded it, or wrote it in this
    // build); a lesson new to the index has none to replace or forget.
    void writeLesson(PreparedFile& prepared, bool known)
    {
        if (!known) { // no document holds its texts' unique terms: adding skips replace_document's look-up
            for (auto& text : prepared.texts)
                addText(text);
            return;
        }
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
            countSpelling(text);
        }
    }

    void addText(PreparedText& text)
    {
        db.add_document(text.document);
        countSpelling(text);
    }

    void countSpelling(PreparedText& text)
    {
        for (auto& word : text.spellingWords)
            ++spellingChanges[std::move(word)];
    }

    // Each word leaves our map as it enters Xapian's, so the two are not both whole at the peak.
    void applySpellingChanges()
    {
        while (!spellingChanges.empty()) {
            const auto entry = spellingChanges.extract(spellingChanges.begin());
            if (entry.mapped() > 0)
                db.add_spelling(entry.key(), static_cast<Xapian::termcount>(entry.mapped()));
            else if (entry.mapped() < 0)
                db.remove_spelling(entry.key(), static_cast<Xapian::termcount>(-entry.mapped()));
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
        const std::size_t entries = replaceSynonyms(db, glossary);
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

    impl_->spellingChanges.clear();
    try {
        db.begin_transaction();
        // However the build fails (Xapian, a bad file, a full disk), none of it is committed.
        const OnScopeFailure cancel([&db] {
            try {
                db.cancel_transaction();
            } catch (const Xapian::Error&) {
            }
        });
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
        prepareFiles(work, workStamps, threads, [&](std::size_t i, PreparedFile& prepared) {
            const InputFile& file = work[i];
            const FileStamp* previous = workStamps[i];
            FileStamp stamp{prepared.hash, file.size, file.mtime, previous != nullptr ? previous->lessonId : ""};
            switch (prepared.kind) {
            case PreparedFile::Kind::Unchanged:
                ++report.unchanged;
                db.set_metadata(fileKey(file.path), stamp.encode());
                break;
            case PreparedFile::Kind::Rejected:
                report.rejected.push_back({file.path, prepared.message, previous != nullptr && !previous->lessonId.empty()});
                break;
            case PreparedFile::Kind::Lesson: {
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
                // Every lesson of the index is recorded by a file (`owner`): a build that
                // failed before its commit left nothing behind.
                impl_->writeLesson(prepared, taken != owner.end());
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
        impl_->applySpellingChanges();
        impl_->recordStemmers();
        db.commit_transaction();
    } catch (const Xapian::Error& e) {
        throw EnvironmentFailure("partnering.lessons.index-write",
                                 impl_->directory.string() + ": " + e.get_description());
    }
    return report;
}

} // namespace partnering::lessons
