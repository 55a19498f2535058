// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/samplecommand.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using metroeval::cli::runSampleCommand;

namespace {

int run(QStringList options, std::string *out = nullptr, std::string *err = nullptr)
{
    options.prepend(QStringLiteral("metroeval-cli"));
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const int code = runSampleCommand(options);
    const std::string o = ::testing::internal::GetCapturedStdout();
    const std::string e = ::testing::internal::GetCapturedStderr();
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

} // namespace

TEST(SampleCli, BadInputIsOneErrorLineAndExitCode2)
{
    // GIVEN invalid argument lists
    QTemporaryDir dir;
    const QString out = dir.path();
    const QList<QStringList> bad = {
        {},
        {QStringLiteral("--records"), QStringLiteral("10")},
        {QStringLiteral("--out"), out, QStringLiteral("--records"), QStringLiteral("abc")},
        {QStringLiteral("--out"), out, QStringLiteral("--records"), QStringLiteral("0")},
        {QStringLiteral("--out"), out, QStringLiteral("--records"), QStringLiteral("5000001")},
        {QStringLiteral("--out"), out, QStringLiteral("--seed"), QStringLiteral("-1")},
        {QStringLiteral("--out"), out, QStringLiteral("--encoding"), QStringLiteral("latin1")},
        {QStringLiteral("--out"), out, QStringLiteral("--xlsx"), QStringLiteral("--no-xlsx")},
        {QStringLiteral("--out"), out, QStringLiteral("--defect-rate"), QStringLiteral("x")},
        {QStringLiteral("--out"), out, QStringLiteral("--bogus")},
    };
    for (const QStringList &arguments : bad) {
        std::string stdoutText, stderrText;
        // WHEN running; THEN exit 2, nothing on stdout, one line with the fixed prefix on stderr
        EXPECT_EQ(run(arguments, &stdoutText, &stderrText), 2)
            << arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(stdoutText.empty());
        EXPECT_EQ(stderrText.rfind("metroeval-cli sample: error: ", 0), 0u) << stderrText;
        EXPECT_EQ(std::count(stderrText.begin(), stderrText.end(), '\n'), 1) << stderrText;
    }
    EXPECT_TRUE(QDir(out).isEmpty());
}

TEST(SampleCli, WritesTheFilesAndReportsThemAsJson)
{
    // GIVEN a valid call
    QTemporaryDir dir;
    std::string stdoutText;
    const int code = run({QStringLiteral("--out"), dir.path(), QStringLiteral("--records"),
                          QStringLiteral("500"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--encoding"), QStringLiteral("gb18030")},
                         &stdoutText);
    // THEN exit 0 and one JSON object listing 7 files that exist with the reported sizes
    ASSERT_EQ(code, 0);
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromStdString(stdoutText), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    EXPECT_EQ(o.value(QStringLiteral("truth_records")).toInteger(), 500);
    EXPECT_EQ(o.value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
    const QJsonArray files = o.value(QStringLiteral("files")).toArray();
    EXPECT_EQ(files.size(), 7);
    for (const QJsonValue &v : files) {
        const QFileInfo info(v.toObject().value(QStringLiteral("path")).toString());
        EXPECT_TRUE(info.exists());
        EXPECT_EQ(info.size(), v.toObject().value(QStringLiteral("bytes")).toInteger());
    }
}
