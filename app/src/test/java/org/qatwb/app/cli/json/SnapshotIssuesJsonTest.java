package org.qatwb.app.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.AgentVerb;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;

/** The snapshot's issues in JSON: "warnings" as scripts read them, and "issues" typed beside them. */
class SnapshotIssuesJsonTest {

    private static AgentFrame frame(String name, ItemStatus status, int rc, String text) {
        return new AgentFrame(name, status, rc, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void warningsKeepTheirLinesAndIssuesSayTheSameTyped() {
        NasSnapshot s = NasSnapshotReader.read(new AgentOutput(AgentVerb.SNAPSHOT, List.of(
                frame("adf_status", ItemStatus.ERROR, 1, "Failed to open /dev/qat_adf_ctl\n"),
                frame("cpu_online", ItemStatus.OK, 0, "0-"),
                frame("zfs_get", ItemStatus.TRUNCATED, 0, "tank\tcompression\tlz4\t-\n")), List.of()));
        ObjectNode doc = JsonOut.object();
        SnapshotJson.issues(doc, s.issues());

        JsonNode warnings = doc.get("warnings");
        JsonNode issues = doc.get("issues");
        assertTrue(warnings.size() >= 3, warnings.toString());
        assertEquals(warnings.size(), issues.size());
        int adf = s.warnings().indexOf("adf_status: error (exit status 1): Failed to open /dev/qat_adf_ctl");
        assertTrue(adf >= 0, s.warnings().toString());
        assertEquals(s.warnings().get(adf), warnings.get(adf).asText());
        assertEquals("adf_status", issues.get(adf).get("item").asText());
        assertEquals("not-read", issues.get(adf).get("kind").asText());
        for (int i = 0; i < warnings.size(); i++) {
            JsonNode issue = issues.get(i);
            assertEquals(warnings.get(i).asText(), issue.get("item").asText() + ": " + issue.get("message").asText());
            assertTrue(issue.get("kind").asText().matches("[a-z]+(-[a-z]+)*"), issue.toString());
        }
        List<String> kinds = new java.util.ArrayList<>();
        issues.forEach(i -> kinds.add(i.get("item").asText() + "=" + i.get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("cpu_online=unparseable", "zfs_get=cut", "debugfs=missing")), kinds.toString());
    }
}
