package dev.bitsandlogits.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cross-check of the JMH results on a shared, busy machine: measures the thread's CPU time
 * (not wall-clock time) per operation, interleaving the variants round by round so that all see
 * the same conditions, and reports the median of the rounds. Not a replacement for JMH.
 */
public final class CpuTimeComparison {

  private CpuTimeComparison() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int opsPerRound = 20;
    SparseCrossEntropyBenchmark bench = new SparseCrossEntropyBenchmark();
    bench.setUp();
    Map<String, Supplier<double[]>> variants = new LinkedHashMap<>();
    variants.put("library", bench::library);
    variants.put("bareSinglePass", bench::bareSinglePass);
    variants.put("naiveTwoPass", bench::naiveTwoPass);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, double[]> millis = new LinkedHashMap<>();
    variants.keySet().forEach(name -> millis.put(name, new double[rounds]));
    double sink = 0;
    for (int warmup = 0; warmup < 10; warmup++) {
      for (Supplier<double[]> variant : variants.values()) {
        for (int op = 0; op < opsPerRound; op++) {
          sink += variant.get()[0];
        }
      }
    }
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Supplier<double[]>> variant : variants.entrySet()) {
        long start = threads.getCurrentThreadCpuTime();
        for (int op = 0; op < opsPerRound; op++) {
          sink += variant.getValue().get()[0];
        }
        millis.get(variant.getKey())[round] =
            (threads.getCurrentThreadCpuTime() - start) / 1e6 / opsPerRound;
      }
    }
    double bare = median(millis.get("bareSinglePass"));
    for (Map.Entry<String, double[]> entry : millis.entrySet()) {
      double median = median(entry.getValue());
      System.out.printf("%-16s %7.3f ms/op CPU (median of %d rounds)   bare/this = %.2f%n",
          entry.getKey(), median, rounds, bare / median);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
