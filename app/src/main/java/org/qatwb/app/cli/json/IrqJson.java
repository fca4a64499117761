package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.irq.IrqRates;
import org.qatwb.model.irq.IrqbalanceBan;
import org.qatwb.model.irq.IrqbalancePolicy;
import org.qatwb.model.irq.KeptPins;
import org.qatwb.model.irq.IrqPinUnit;
import org.qatwb.model.irq.QatInterrupts;
import org.qatwb.model.irq.QatIrq;

/**
 * JSON of the QAT interrupts: the snapshot's {@code interrupts} and the watch line's
 * {@code interruptRates} (issue 12, section 4). CPUs are object keys as decimal strings.
 */
public final class IrqJson {

    private IrqJson() {
    }

    /**
     * {@code [{"irq", "name", "bsf", "vf", "allowed", "effective", "effectiveCpu", "perCpu"}]}, or
     * null when {@code /proc/interrupts} was not read.
     */
    public static JsonNode interrupts(Optional<QatInterrupts> interrupts) {
        if (interrupts.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (QatIrq i : interrupts.get().irqs()) {
            ObjectNode o = a.addObject();
            o.put("irq", i.number());
            o.put("name", i.name());
            o.put("bsf", i.bsf().orElse(null));
            o.put("vf", i.vf());
            o.put("allowed", i.allowed().map(Object::toString).orElse(null));
            o.put("effective", i.effective().map(Object::toString).orElse(null));
            SnapshotJson.putOrNull(o, "effectiveCpu", i.effectiveCpu());
            ObjectNode per = o.putObject("perCpu");
            i.perCpu().forEach((cpu, n) -> per.put(Integer.toString(cpu), n));
        }
        return a;
    }

    /**
     * {@code "pins": [{"bsf", "irq", "cpu"}]} and {@code "pinUnit": {"path", "enabled", "foreign", "keptBy"}} (null for
     * none): {@code keptBy} is {@code systemd} (path: the unit) or {@code truenas} (path: the init script's name).
     */
    public static void kept(ObjectNode doc, KeptPins kept) {
        ArrayNode pins = doc.putArray("pins");
        kept.pins().forEach(p -> pins.addObject().put("bsf", p.vfBsf()).put("irq", p.irqName()).put("cpu", p.cpu()));
        if (kept.unitText().isEmpty()) {
            doc.putNull("pinUnit");
        } else {
            doc.putObject("pinUnit").put("path", kept.where()).put("enabled", kept.enabled()).put("foreign", kept.foreign())
                    .put("keptBy", kept.trueNas() ? "truenas" : "systemd");
        }
    }

    /** {@code "irqbalance": true|false|null}: whether irqbalance is active (it moves unbanned IRQs, pins included). */
    public static void irqbalance(ObjectNode doc, Optional<QatInterrupts> interrupts) {
        Optional<Boolean> active = interrupts.flatMap(QatInterrupts::irqbalance);
        if (active.isPresent()) {
            doc.put("irqbalance", active.get());
        } else {
            doc.putNull("irqbalance");
        }
    }

    /**
     * {@code "irqbalanceBan": {"envFile", "change", "policyScript"}} (policyScript null when it is removed),
     * or null: what is written to keep irqbalance off the pins (or to undo that).
     */
    public static void ban(ObjectNode doc, Optional<IrqbalanceBan> ban) {
        if (ban.isEmpty()) {
            doc.putNull("irqbalanceBan");
            return;
        }
        ObjectNode b = doc.putObject("irqbalanceBan");
        b.put("envFile", ban.get().envPath());
        b.put("change", ban.get().change());
        b.put("policyScript", ban.get().policyText().isPresent() ? IrqbalancePolicy.PATH : null);
    }

    /** QAT interrupts per second by CPU, or null (first line, a reset, no interrupt lines). */
    public static JsonNode rates(Optional<IrqRates> rates) {
        if (rates.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Integer, Double> e : rates.get().perCpu().entrySet()) {
            o.put(Integer.toString(e.getKey()), e.getValue());
        }
        return o;
    }
}
