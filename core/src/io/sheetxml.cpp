// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/sheetxml.h"

#include <expat.h>

#include <cstring>
#include <limits>
#include <string_view>

namespace metroeval::core {

namespace {

/// The element name without its namespace prefix ("x:row" → "row"), as QXmlStreamReader::name()
/// gives it.
std::string_view localName(const XML_Char *name)
{
    const std::string_view full(name);
    const std::size_t colon = full.rfind(':');
    return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

const XML_Char *attribute(const XML_Char **attributes, const char *name)
{
    for (const XML_Char **a = attributes; *a; a += 2) {
        if (std::strcmp(a[0], name) == 0)
            return a[1];
    }
    return nullptr;
}

} // namespace

struct SheetXmlParser::State
{
    SheetXmlParser *owner = nullptr;
    XML_Parser parser = nullptr;
    bool inRow = false;
    bool inCell = false;
    SheetRow row;
    SheetCell cell;
    // Text being collected inside the cell: the <v> element's, or an inline string's <t>s.
    enum class Capture { None, Value, Inline } capture = Capture::None;
    int depth = 0;     ///< elements open inside the <v> or <is> being read, itself included
    int textDepth = 0; ///< <t> elements open inside the inline string
    int phonetic = 0;  ///< <rPh> elements open inside the inline string
    QByteArray text;

    void start(std::string_view name, const XML_Char **attributes)
    {
        if (capture != Capture::None) {
            ++depth;
            if (capture == Capture::Inline) {
                if (name == "rPh")
                    ++phonetic;
                else if (name == "t" && phonetic == 0)
                    ++textDepth;
            }
            return;
        }
        if (name == "row") {
            inRow = true;
            inCell = false;
            row = SheetRow{};
            if (const XML_Char *number = attribute(attributes, "r"))
                row.number = QByteArrayView(number, qsizetype(std::strlen(number))).toLongLong();
        } else if (inRow && name == "c") {
            inCell = true;
            cell = SheetCell{};
            if (const XML_Char *reference = attribute(attributes, "r")) {
                cell.referenceBegin = row.text.size();
                cell.referenceSize = qsizetype(std::strlen(reference));
                row.text.append(reference, cell.referenceSize);
            }
            if (const XML_Char *type = attribute(attributes, "t")) {
                const std::size_t size = std::strlen(type);
                if (size <= SheetCell::kTypeBytes)
                    std::memcpy(cell.type.data(), type, size);
                else
                    cell.type[0] = '?';
            }
            if (const XML_Char *style = attribute(attributes, "s"))
                cell.style = QByteArrayView(style, qsizetype(std::strlen(style))).toInt();
        } else if (inCell && (name == "v" || name == "is")) {
            capture = name == "v" ? Capture::Value : Capture::Inline;
            depth = 1;
            textDepth = 0;
            phonetic = 0;
            text.clear();
        }
    }

    void end(std::string_view name)
    {
        if (capture != Capture::None) {
            if (--depth > 0) {
                if (capture == Capture::Inline) {
                    if (name == "rPh")
                        --phonetic;
                    else if (name == "t" && textDepth > 0 && phonetic == 0)
                        --textDepth;
                }
                return;
            }
            // A later <v> or <is> in the same cell wins.
            cell.valueBegin = row.text.size();
            cell.valueSize = text.size();
            row.text.append(text);
            capture = Capture::None;
            return;
        }
        if (inCell && name == "c") {
            row.cells.push_back(cell);
            cell = SheetCell{};
            inCell = false;
        } else if (inRow && name == "row") {
            owner->m_rows.push_back(std::move(row));
            row = SheetRow{};
            inRow = false;
            inCell = false;
        }
    }

    void characters(const XML_Char *data, int size)
    {
        if (capture == Capture::Value || (capture == Capture::Inline && textDepth > 0))
            text.append(data, size);
    }

    static void onStart(void *user, const XML_Char *name, const XML_Char **attributes)
    {
        static_cast<State *>(user)->start(localName(name), attributes);
    }
    static void onEnd(void *user, const XML_Char *name)
    {
        static_cast<State *>(user)->end(localName(name));
    }
    static void onCharacters(void *user, const XML_Char *data, int size)
    {
        static_cast<State *>(user)->characters(data, size);
    }
};

SheetXmlParser::SheetXmlParser()
    : m_state(std::make_unique<State>())
{
    m_state->owner = this;
    m_state->parser = XML_ParserCreate(nullptr);
    if (!m_state->parser) {
        m_failed = true;
        return;
    }
    XML_SetUserData(m_state->parser, m_state.get());
    XML_SetElementHandler(m_state->parser, &State::onStart, &State::onEnd);
    XML_SetCharacterDataHandler(m_state->parser, &State::onCharacters);
}

SheetXmlParser::~SheetXmlParser()
{
    if (m_state->parser)
        XML_ParserFree(m_state->parser);
}

QByteArray SheetXmlParser::errorText() const
{
    if (!m_failed)
        return {};
    if (!m_state->parser)
        return QByteArrayLiteral("no XML parser");
    XML_Parser p = m_state->parser;
    return QByteArray::number(qulonglong(XML_GetCurrentLineNumber(p))) + ':'
           + QByteArray::number(qulonglong(XML_GetCurrentColumnNumber(p))) + ": "
           + XML_ErrorString(XML_GetErrorCode(p));
}

bool SheetXmlParser::feed(const char *data, qsizetype size, bool last)
{
    if (m_failed)
        return false;
    constexpr qsizetype kMaxPiece = std::numeric_limits<int>::max() / 2;
    do {
        const qsizetype piece = std::min(size, kMaxPiece);
        const bool final = last && piece == size;
        if (XML_Parse(m_state->parser, data, static_cast<int>(piece), final ? 1 : 0)
            == XML_STATUS_ERROR) {
            m_failed = true;
            return false;
        }
        data += piece;
        size -= piece;
    } while (size > 0);
    return true;
}

} // namespace metroeval::core
