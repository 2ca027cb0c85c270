package io.rollout.migration;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.rollout.migration.DryRun.Result;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The dry-run benchmark (not a test, Surefire does not run it): generates a reproducible customers CSV
 * (seed 42, default 1,000,000 rows, about 2 % deliberate faults of the kinds in the customer's example
 * file), runs the demo dataset's rules over it in one pass, and writes rows/s and the peak heap into
 * {@code bench/results/dry-run-<timestamp>.md}. Run with a small heap to show flat memory:
 * {@code ./mvnw -B -q -Pbench-migration verify} (see the README), or
 * {@code java -Xmx256m -cp <test classpath> io.rollout.migration.DryRunBenchmark [rows] [work dir]}.
 */
public final class DryRunBenchmark {

    static final String[] CITIES = {"南京", "宁波", "合肥", "上海", "武汉", "杭州", "苏州", "无锡"};
    static final String[] SURNAMES = {"何", "罗", "李", "孙", "林", "朱", "黄", "周", "吴", "王", "张", "陈"};
    static final String[] TRADES = {"机械", "塑胶", "包装", "五金", "物流", "科技", "贸易", "电子"};
    static final String[] NAMES = {"静", "丽", "强", "敏", "军", "芳", "磊", "伟", "娜", "洋"};
    static final long[] LIMITS = {50_000, 100_000, 200_000, 500_000};

    private DryRunBenchmark() {}

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench-migration");
        Files.createDirectories(work);
        Path csv = work.resolve("customers-" + rows + ".csv");
        long generateStart = System.nanoTime();
        long faults = generate(csv, rows, 42);
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;

        // baseline in the same run: the same reader over the same file, without rules and result files, so the
        // report shows what the cleansing itself costs on this machine today
        long baselineStart = System.nanoTime();
        long baselineRows = 0;
        try (ExtractReader reader = ExtractReader.open(csv, csv.getFileName().toString())) {
            while (reader.next() != null) {
                baselineRows++;
            }
        }
        double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
        long baselineRowsPerSecond = Math.round(baselineRows / baselineSeconds);

        AtomicLong peakAtGc = watchGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        System.gc();
        long start = System.nanoTime();
        Result result;
        try (ExtractReader reader = ExtractReader.open(csv, csv.getFileName().toString())) {
            result = DryRun.run(
                    reader,
                    definition(),
                    csv.getFileName().toString(),
                    (d, c) -> v -> true,
                    work.resolve("result"),
                    DryRunTests.ENGLISH);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        long maxHeap = Runtime.getRuntime().maxMemory();
        long rowsPerSecond = Math.round(result.sourceRows() / seconds);

        String report = String.format(
                Locale.ROOT,
                """
            # Dry-run benchmark %s

            | | |
            |---|---|
            | rows | %,d (generated in %.1f s with seed 42, %,d rows with a deliberate fault) |
            | file | %s, %,d bytes |
            | result | accepted %,d, rejected %,d, duplicates %,d; reconciled: %s |
            | dry run | %.2f s, **%,d rows/s** |
            | baseline: read only, same file and reader | %.2f s, %,d rows/s; the dry run takes %.2fx its time |
            | heap | max (-Xmx) %d MB; peak used at a GC %d MB; sum of the heap pools' peaks %d MB |
            | machine | %d cores, load average before the run: %s |
            | JVM | %s %s |

            Top reasons: %s
            """,
                LocalDateTime.now().withNano(0),
                rows,
                generateSeconds,
                faults,
                csv.getFileName(),
                Files.size(csv),
                result.acceptedRows(),
                result.rejectedRows(),
                result.duplicateRows(),
                result.reconciled(),
                seconds,
                rowsPerSecond,
                baselineSeconds,
                baselineRowsPerSecond,
                seconds / baselineSeconds,
                maxHeap >> 20,
                peakAtGc.get() >> 20,
                poolPeaks >> 20,
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                String.join(
                        "; ",
                        result.reasons().stream()
                                .map(r -> r.rule() + " " + r.rows())
                                .toList()));
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        Path file = results.resolve(
                "dry-run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("written to " + file);
    }

    /** The demo customers dataset with room for a million codes: {@code C\d{7}} instead of {@code C\d{5}}. */
    static DatasetDefinition definition() {
        DatasetDefinition customers = Extracts.definition("customers");
        List<CleansingRule> rules = customers.rules().stream()
                .map(r -> CleansingRule.CODE.equals(r.kind()) ? CleansingRule.code(r.column(), "C\\d{7}") : r)
                .toList();
        return new DatasetDefinition(
                customers.dataset(),
                customers.columns(),
                customers.keyColumns(),
                customers.reconcileColumns(),
                customers.rejectThreshold(),
                customers.department(),
                rules);
    }

    /** Writes the customers file; returns how many rows carry a deliberate fault. */
    static long generate(Path file, long rows, long seed) throws IOException {
        Random random = new Random(seed);
        long faults = 0;
        LocalDate base = LocalDate.of(2015, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("客户编码,客户名称,联系人,电话,城市,信用额度,建档日期\r\n");
            for (long i = 1; i <= rows; i++) {
                String code = String.format(Locale.ROOT, "C%07d", i);
                String city = CITIES[random.nextInt(CITIES.length)];
                String name = city + SURNAMES[random.nextInt(SURNAMES.length)] + "氏"
                        + TRADES[random.nextInt(TRADES.length)] + "有限公司";
                String contact = SURNAMES[random.nextInt(SURNAMES.length)] + NAMES[random.nextInt(NAMES.length)];
                String phone = "1" + (30 + random.nextInt(60))
                        + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
                String limit = String.valueOf(LIMITS[random.nextInt(LIMITS.length)]);
                LocalDate since = base.plusDays(random.nextInt(3650));
                String date = switch (random.nextInt(10)) {
                    case 0 -> since.getYear() + "/" + since.getMonthValue() + "/" + since.getDayOfMonth();
                    case 1 -> since.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
                    default -> since.toString();
                };
                if (random.nextInt(10) == 0) {
                    name = " " + name + "  ";
                }
                int dirt = random.nextInt(1000);
                if (dirt < 20) {
                    faults++;
                    switch (dirt % 7) {
                        case 0 -> code = "c-" + i;
                        case 1 -> phone = "021-" + random.nextInt(10_000);
                        case 2 -> name = "";
                        case 3 -> limit = "十万";
                        case 4 -> limit = "-100";
                        case 5 -> code = String.format(Locale.ROOT, "C%07d", Math.max(1, i - 1 - random.nextInt(50)));
                        default -> code = toFullWidth(String.format(Locale.ROOT, "C%07d", Math.max(1, i - 1)));
                    }
                }
                out.write(code + "," + name + "," + contact + "," + phone + "," + city + "," + limit + "," + date
                        + "\r\n");
            }
        }
        return faults;
    }

    private static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }

    private static AtomicLong watchGc() {
        AtomicLong peak = new AtomicLong();
        java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    var info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long used = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                                            .filter(e -> heapPools.contains(e.getKey()))
                                            .mapToLong(e -> e.getValue().getUsed())
                                            .sum();
                                    peak.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        return peak;
    }

    private static String loadAverage() {
        try {
            return List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                    .subList(0, 3)
                    .toString();
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
