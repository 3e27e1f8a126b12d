#include "lessons/LessonDatabase.hpp"

#include "error/Error.hpp"
#include "glossary/Glossary.hpp"
#include "lessons/GlossarySynonyms.hpp"
#include "lessons/IndexSchema.hpp"
#include "lessons/IndexedText.hpp"
#include "lessons/TextAnalyzer.hpp"

#include <algorithm>
#include <set>

namespace partnering::lessons {

namespace {

std::string fileKey(const std::string& path)
{
    return std::string(schema::kFileKeyPrefix).append(path);
}

} // namespace

std::vector<Xapian::docid> LessonDatabase::textsOf(const std::string& lessonId)
{
    std::vector<Xapian::docid> ids;
    const std::string term = schema::lessonTerm(lessonId);
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
        ids.push_back(*it);
    return ids;
}

// A text counted each word it wrote once (PreparedText::spellingWords). Its terms also hold the
// folded forms of its words, which it did not count unless it wrote them too: a folded form's
// frequency is that of the words folding to it, plus its own when the text wrote it.
void LessonDatabase::forgetSpelling(Xapian::docid id)
{
    const Xapian::Document document = db_.get_document(id);
    std::map<std::string, Xapian::termcount> words; // terms of the text's words, with frequency
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        const std::string word = *term;
        if (!word.empty() && !(word[0] >= 'A' && word[0] <= 'Z'))
            words.emplace(word, term.get_wdf());
    }
    std::map<std::string, Xapian::termcount> written = words;
    for (const auto& [word, frequency] : words) {
        const std::string folded = TextAnalyzer::fold(word);
        if (folded == word)
            continue;
        const auto found = written.find(folded);
        if (found != written.end())
            found->second -= std::min(found->second, frequency);
    }
    for (const auto& [word, frequency] : written)
        if (frequency > 0 && worthSpelling(word))
            --spellingChanges_[word];
}

void LessonDatabase::deleteText(Xapian::docid id)
{
    forgetSpelling(id);
    db_.delete_document(id);
}

void LessonDatabase::deleteLesson(const std::string& lessonId)
{
    for (auto id : textsOf(lessonId))
        deleteText(id);
}

void LessonDatabase::writeLesson(PreparedFile& prepared, bool known)
{
    if (!known) { // no document holds its texts' unique terms: adding skips replace_document's look-up
        for (auto& text : prepared.texts) {
            db_.add_document(text.document);
            countSpelling(text);
        }
        return;
    }
    std::set<std::string> keep;
    for (const auto& text : prepared.texts)
        keep.insert(text.uniqueTerm);
    for (auto id : textsOf(prepared.lesson.id)) {
        const Xapian::Document old = db_.get_document(id);
        auto term = old.termlist_begin();
        term.skip_to(std::string(schema::kUniqueId));
        const bool stays = term != old.termlist_end() && keep.count(*term) > 0;
        if (stays)
            forgetSpelling(id); // replaced below with its new words
        else
            deleteText(id); // a language the lesson no longer has
    }
    for (auto& text : prepared.texts) {
        db_.replace_document(text.uniqueTerm, text.document);
        countSpelling(text);
    }
}

void LessonDatabase::countSpelling(PreparedText& text)
{
    for (auto& word : text.spellingWords)
        ++spellingChanges_[std::move(word)];
}

void LessonDatabase::stampFile(const std::string& path, const FileStamp& stamp)
{
    db_.set_metadata(fileKey(path), stamp.encode());
}

void LessonDatabase::forgetFile(const std::string& path)
{
    db_.set_metadata(fileKey(path), "");
}

std::map<std::string, FileStamp> LessonDatabase::recordedFiles()
{
    std::map<std::string, FileStamp> recorded;
    const std::string prefix(schema::kFileKeyPrefix);
    for (auto key = db_.metadata_keys_begin(prefix); key != db_.metadata_keys_end(prefix); ++key)
        recorded.emplace((*key).substr(prefix.size()), FileStamp::decode(db_.get_metadata(*key)));
    return recorded;
}

// Each word leaves our map as it enters Xapian's, so the two are not both whole at the peak.
void LessonDatabase::applySpellingChanges()
{
    while (!spellingChanges_.empty()) {
        const auto entry = spellingChanges_.extract(spellingChanges_.begin());
        if (entry.mapped() > 0)
            db_.add_spelling(entry.key(), static_cast<Xapian::termcount>(entry.mapped()));
        else if (entry.mapped() < 0)
            db_.remove_spelling(entry.key(), static_cast<Xapian::termcount>(-entry.mapped()));
    }
}

std::size_t LessonDatabase::loadGlossary(const std::filesystem::path& path, std::vector<RejectedFile>& rejected)
{
    std::string bytes;
    if (!readFile(path.string(), bytes)) {
        rejected.push_back({path.string(), "[partnering.glossary.unreadable] " + path.string() + ": cannot read the file",
                            true});
        return 0;
    }
    const std::string print = std::to_string(fingerprint(bytes));
    if (db_.get_metadata(std::string(schema::kGlossaryKey)) == print)
        return 0;
    glossary::Glossary glossary;
    try {
        glossary = glossary::Glossary::parse(bytes, path.string());
    } catch (const Error& e) {
        rejected.push_back({path.string(), e.what(), true});
        return 0;
    }
    const std::size_t entries = replaceSynonyms(db_, glossary);
    db_.set_metadata(std::string(schema::kGlossaryKey), print);
    return entries;
}

void LessonDatabase::recordStemmers()
{
    std::set<std::string> stemmers;
    const std::string prefix(schema::kLanguage);
    for (auto term = db_.allterms_begin(prefix); term != db_.allterms_end(prefix); ++term) {
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
    db_.set_metadata(std::string(schema::kStemmersKey), value);
}

void LessonDatabase::upgradeFormat()
{
    if (db_.get_metadata(std::string(schema::kFormatKey)) == schema::kFormatVersion)
        return;
    std::vector<Xapian::docid> all;
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it)
        all.push_back(*it);
    for (auto id : all)
        db_.delete_document(id);
    std::vector<std::string> keys;
    for (auto key = db_.metadata_keys_begin(); key != db_.metadata_keys_end(); ++key)
        keys.push_back(*key);
    for (const auto& key : keys)
        db_.set_metadata(key, "");
    for (auto word = db_.spellings_begin(); word != db_.spellings_end(); ++word)
        db_.remove_spelling(*word, word.get_termfreq());
    recordFormat();
}

void LessonDatabase::recordFormat()
{
    db_.set_metadata(std::string(schema::kFormatKey), std::string(schema::kFormatVersion));
}

void LessonDatabase::recordBuildStart(std::int64_t nanoseconds)
{
    db_.set_metadata(std::string(schema::kBuiltAtKey), std::to_string(nanoseconds));
}

std::int64_t LessonDatabase::lastBuildStart()
{
    try {
        return std::stoll(db_.get_metadata(std::string(schema::kBuiltAtKey)));
    } catch (const std::exception&) { // none recorded, or not a number
        return 0;
    }
}

bool LessonDatabase::holdsNothing()
{
    const std::string files(schema::kFileKeyPrefix);
    return db_.get_doccount() == 0 && db_.metadata_keys_begin(files) == db_.metadata_keys_end(files)
           && db_.get_metadata(std::string(schema::kGlossaryKey)).empty();
}

} // namespace partnering::lessons
