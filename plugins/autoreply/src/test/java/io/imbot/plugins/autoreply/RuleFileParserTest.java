package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RuleFileParserTest {

    private static RuleSet parse(String yaml) throws RuleFileException {
        return new RuleFileParser(ZoneOffset.UTC).parse(yaml);
    }

    private static RuleFileException error(String yaml) {
        return catchThrowableOfType(() -> parse(yaml), RuleFileException.class);
    }

    @Test
    void parse_fullRule_readsEveryKey() throws Exception {
        RuleSet set = parse("""
                version: 1
                priority: 7
                zone: Europe/Berlin
                quietHours: {from: "22:00", to: "7:00"}
                rules:
                  - name: greet
                    keyword: [hi, hello]
                    caseSensitive: true
                    scope: [direct, mention]
                    users: [alice]
                    ignoreUsers: [bob]
                    rooms: [lobby]
                    priority: 3
                    stop: false
                    cooldown: 1h30m
                    description: greets
                    reply: "Hi {sender}"
                  - exact: off
                    enabled: false
                    reply: never
                """);
        assertThat(set.botPriority()).isEqualTo(7);
        assertThat(set.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(set.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("greet");
            assertThat(rule.line()).isEqualTo(6);
            assertThat(rule.matcher()).isInstanceOf(KeywordMatcher.class);
            assertThat(rule.scope().where()).containsExactlyInAnyOrder(Scope.Where.DIRECT, Scope.Where.MENTION);
            assertThat(rule.scope().rooms()).containsExactly("#lobby");
            assertThat(rule.priority()).isEqualTo(3);
            assertThat(rule.stop()).isFalse();
            assertThat(rule.cooldown()).isEqualTo(Duration.ofMinutes(90));
            assertThat(rule.quietHours()).contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin")));
        });
    }

    @Test
    void parse_emptyOrCommentsOnly_noRules() throws Exception {
        assertThat(parse("").rules()).isEmpty();
        assertThat(parse("# nothing yet\n").rules()).isEmpty();
        assertThat(parse("rules:\n").botPriority()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown rule key with hint | rules:\\n  - exact: ping\\n    repy: pong | 3 | 5 | unknown key 'repy' in rule #1 (did you mean 'reply'?)
            unknown top key listing keys | rule:\\n  - exact: ping | 1 | 1 | unknown key 'rule' in the rules file (did you mean 'rules'?)
            missing reply | rules:\\n  - name: p\\n    exact: ping | 2 | 5 | rule 'p' has no 'reply'
            no match type | rules:\\n  - reply: pong | 2 | 5 | rule #1 needs a match type: one of exact, keyword, prefix, regex, command
            two match types | rules:\\n  - exact: a\\n    regex: b\\n    reply: c | 3 | 5 | rule #1 has both 'exact' and 'regex'
            bad regex | rules:\\n  - regex: 'a(b'\\n    reply: c | 2 | 12 | bad regex in rule #1: Unclosed group
            wrong bool type | rules:\\n  - exact: a\\n    stop: yes\\n    reply: c | 3 | 11 | 'stop' in rule #1 must be true or false, not 'yes'
            wrong int type | priority: high | 1 | 11 | 'priority' in the rules file must be a whole number, not 'high'
            bad duration | rules:\\n  - exact: a\\n    cooldown: 30\\n    reply: c | 3 | 15 | must be a duration like 30s
            unknown placeholder | rules:\\n  - exact: a\\n    reply: 'hi {nam}' | 3 | 12 | unknown placeholder {nam} in the reply of rule #1; a exact rule offers {sender}
            group beyond count | rules:\\n  - regex: 'a(b)'\\n    reply: '{2}' | 3 | 12 | unknown placeholder {2}
            unclosed brace | rules:\\n  - exact: a\\n    reply: 'hi {sender' | 3 | 12 | '{' at position 4 is never closed
            bad scope | rules:\\n  - exact: a\\n    scope: dm\\n    reply: c | 3 | 12 | unknown scope 'dm' in rule #1 (use direct, room, mention or any)
            duplicate key | rules:\\n  - exact: a\\n    reply: b\\n    reply: c | 4 | 5 | duplicate key 'reply' (first at line 3)
            duplicate names | rules:\\n  - exact: a\\n    reply: b\\n  - exact: a\\n    reply: c | 4 | 5 | two rules are named 'exact:a' (the first at line 2)
            bad yaml | rules:\\n  - exact: [a\\n    reply: b | 3 | 10 | invalid YAML
            bad zone | zone: Mars/Olympus | 1 | 7 | unknown time zone 'Mars/Olympus'
            bad quiet time | quietHours: {from: '25:00', to: '07:00'} | 1 | 20 | 'from' in the top-level quietHours must be a time like 22:00
            quiet from equals to | quietHours: {from: '07:00', to: '07:00'} | 1 | 13 | are both 07:00
            rules not a list | rules: ping | 1 | 8 | 'rules' must be a list of rules
            rule not a mapping | rules:\\n  - ping | 2 | 5 | rule #1 must be a mapping of keys to values, not 'ping'
            usage on non-command | rules:\\n  - exact: a\\n    usage: x\\n    reply: c | 3 | 5 | 'usage' in rule #1 applies to command rules only
            bad command name | rules:\\n  - command: 'two words'\\n    reply: c | 2 | 14 | 'command' in rule #1 must be one word
            reserved group name | rules:\\n  - regex: '(?<sender>a)'\\n    reply: c | 2 | 12 | group name 'sender' in the regex of rule #1 is taken
            unsupported version | version: 2 | 1 | 10 | version 2 is not supported
            empty reply list | rules:\\n  - exact: a\\n    reply: [] | 3 | 12 | 'reply' in rule #1 must not be an empty list
            null reply | rules:\\n  - exact: a\\n    reply: | 3 | 11 | 'reply' in rule #1 must be a text, not nothing
            """)
    void parse_brokenFile_reportsLineColumnAndReason(String title, String yaml, int line, int column, String reason) {
        RuleFileException e = error(yaml.replace("\\n", "\n"));

        assertThat(e).as(title).isNotNull();
        assertThat(e.reason()).as(title).contains(reason);
        assertThat(e.line()).as(title + ": " + e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as(title + ": " + e.getMessage()).isEqualTo(column);
    }

    @Test
    void load_brokenFile_messageIsFileLineColumnReason(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("autoreply.yaml");
        Fixture.write(file, "rules:\n  - exact: ping\n    repy: pong\n");

        RuleFileException e = catchThrowableOfType(() -> RuleFile.load(file, ZoneOffset.UTC), RuleFileException.class);

        assertThat(e.getMessage()).isEqualTo(file + ":3:5: unknown key 'repy' in rule #1 (did you mean 'reply'?)");
    }

    @Test
    void load_notUtf8_reportsEncoding(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("autoreply.yaml");
        java.nio.file.Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff});

        assertThat(catchThrowableOfType(() -> RuleFile.load(file, ZoneOffset.UTC), RuleFileException.class))
                .hasMessage(file + ": the file is not UTF-8 text");
    }
}
