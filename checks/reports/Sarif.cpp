//===- Sarif.cpp - SARIF 2.1.0 output shared by every front ---------------===//
#include "checks/reports/Sarif.h"
#include "checks/reports/FindingIdentity.h"
#include "checks/rules/Rules.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#ifndef INITCHECK_DOCS_URL
#define INITCHECK_DOCS_URL ""
#endif

using namespace llvm;

namespace initcheck {

std::string sarifUri(StringRef Path) {
  std::string Out;
  bool Absolute = sys::path::is_absolute(Path, sys::path::Style::posix);
  if (Absolute)
    Out = "file://";
  for (unsigned char C : Path) {
    // RFC 3986 unreserved characters and '/' stay; everything else is
    // percent-encoded (spaces, '%', '#', '?', non-ASCII bytes).
    if (isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += char(C);
    } else {
      static const char Hex[] = "0123456789ABCDEF";
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

static StringRef level(const Finding &F) {
  return F.Level == Severity::Error ? "error" : "warning";
}

/// docs/checks/<name>.md for "initcheck-<name>".
static std::string helpUri(StringRef Id) {
  StringRef Name = Id;
  Name.consume_front("initcheck-");
  return (Twine(INITCHECK_DOCS_URL) + Name + ".md").str();
}

static void physicalLocation(json::OStream &J, const Location &L) {
  J.attributeObject("physicalLocation", [&] {
    J.attributeObject("artifactLocation",
                      [&] { J.attribute("uri", sarifUri(L.File)); });
    if (L.Line)
      J.attributeObject("region", [&] {
        J.attribute("startLine", L.Line);
        if (L.Column)
          J.attribute("startColumn", L.Column);
      });
  });
}

/// What the project said about \p F: the baseline's verdict, and a
/// suppression (a comment, or a phase guard the project declared).
static void writeTriage(json::OStream &J, const Finding &F) {
  switch (F.Baseline) {
  case BaselineState::None:
    break;
  case BaselineState::New:
    J.attribute("baselineState", "new");
    break;
  case BaselineState::Unchanged:
    J.attribute("baselineState", "unchanged");
    break;
  case BaselineState::Absent:
    J.attribute("baselineState", "absent");
    break;
  }
  if (F.By == Vouched::Reported)
    return;
  J.attributeArray("suppressions", [&] {
    J.object([&] {
      bool Comment = F.By == Vouched::Suppressed;
      J.attribute("kind", Comment ? "inSource" : "external");
      J.attribute("justification",
                  Comment ? F.Justification
                          : "inside 'if (" + F.Justification +
                                ")', the project's phase guard (phase-guard=)");
    });
  });
}

std::string sarifDocument(ArrayRef<Finding> Findings,
                          ArrayRef<std::string> Notes) {
  std::string Out;
  raw_string_ostream OS(Out);
  json::OStream J(OS, 2);
  ArrayRef<RuleInfo> Rules = allRules();
  std::vector<std::string> Prints = fingerprints(Findings);
  J.object([&] {
    J.attribute("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                          "os/schemas/sarif-schema-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "initcheck");
            J.attributeArray("rules", [&] {
              for (const RuleInfo &R : Rules)
                J.object([&] {
                  J.attribute("id", R.Id);
                  J.attributeObject("shortDescription",
                                    [&] { J.attribute("text", R.Summary); });
                  J.attribute("helpUri", helpUri(R.Id));
                  J.attributeObject("defaultConfiguration", [&] {
                    J.attribute("level", R.IsAdvice ? "warning" : "error");
                  });
                });
            });
          });
        });
        if (!Notes.empty())
          J.attributeArray("invocations", [&] {
            J.object([&] {
              J.attribute("executionSuccessful", true);
              J.attributeArray("toolExecutionNotifications", [&] {
                for (const std::string &N : Notes)
                  J.object([&] {
                    J.attribute("level", "note");
                    J.attributeObject("message",
                                      [&] { J.attribute("text", N); });
                  });
              });
            });
          });
        J.attributeArray("results", [&] {
          for (size_t N = 0; N != Findings.size(); ++N)
            J.object([&] {
              const Finding &F = Findings[N];
              J.attribute("ruleId", F.RuleId);
              for (size_t I = 0; I != Rules.size(); ++I)
                if (Rules[I].Id == F.RuleId)
                  J.attribute("ruleIndex", int64_t(I));
              J.attribute("level", level(F));
              J.attributeObject("message",
                                [&] { J.attribute("text", F.Message); });
              J.attributeArray("locations", [&] {
                if (!F.Where.File.empty())
                  J.object([&] { physicalLocation(J, F.Where); });
              });
              if (!F.Notes.empty())
                J.attributeArray("relatedLocations", [&] {
                  int64_t Id = 0;
                  for (const FindingNote &N : F.Notes) {
                    if (N.Where.File.empty())
                      continue;
                    J.object([&] {
                      J.attribute("id", Id++);
                      physicalLocation(J, N.Where);
                      J.attributeObject("message", [&] {
                        J.attribute("text", N.Message);
                      });
                    });
                  }
                });
              J.attributeObject("partialFingerprints", [&] {
                J.attribute(FingerprintKey, Prints[N]);
              });
              writeTriage(J, F);
            });
        });
      });
    });
  });
  OS << "\n";
  return Out;
}

} // namespace initcheck
