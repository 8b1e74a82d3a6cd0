/// Writes a glossary's functions and phrases as TBX-Basic in the ISO 30042:2019 shape, which
/// CAT tools import: one conceptEntry per function (or "a+b" set), its id in subjectField, its
/// phrases as terms by language. What TBX has no field for travels in notes a CAT tool shows
/// as they are and `glossary import` reads back: "capdiff ID group: …", "capdiff ID label en: …"
/// on the entry, "capdiff match: exact" on a term.
public enum GlossaryTBXWriter {
    public static func tbx(_ glossary: Glossary) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="\(TBXReader.namespace)">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>
                    <p>capdiff glossary: campaign functions and the English and Russian phrases that name them.</p>
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for (number, concept) in GlossaryConcept.concepts(of: glossary).enumerated() {
            out += "      <conceptEntry id=\"c\(number + 1)\">\n"
            out += "        <descrip type=\"subjectField\">\(escape(concept.subject))</descrip>\n"
            for fact in concept.facts {
                out += "        <note>\(escape(fact.note))</note>\n"
            }
            for language in concept.languages {
                out += "        <langSec xml:lang=\"\(escape(language))\">\n"
                for phrase in concept.phrases where phrase.language == language {
                    out += "          <termSec>\n"
                    out += "            <term>\(escape(phrase.phrase.collapsingWhitespace))</term>\n"
                    if phrase.exact { out += "            <note>capdiff match: exact</note>\n" }
                    out += "          </termSec>\n"
                }
                out += "        </langSec>\n"
            }
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    /// Text for element content and attribute values; control characters XML 1.0 cannot
    /// hold are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
