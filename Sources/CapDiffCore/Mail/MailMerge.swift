import Foundation

/// Aggregates message records into per-thread reports: the reduce step of `capdiff batch`, and
/// all of `capdiff merge`. Records may arrive in any order (from several workers or shards).
///
/// Memory stays flat as the export grows: each record goes to a temporary spill file at once,
/// and only a few integers per message stay in memory (its thread node, date and place in the
/// spill). At the end, threads are put together and reported one at a time, in the order of
/// their first message in the input.
public final class MailMerge {
    public let sides: MailSides
    public let glossary: Glossary
    /// Whether claims read from attachments count for their sender's side (see `ThreadReport`).
    public let creditAttachments: Bool
    public private(set) var summary = BatchSummary()

    private struct Entry {
        var sequence: Int
        var node: Int32
        var date: Int64?
        var offset: Int64
        var length: Int32
    }

    private var threads = MailThreads()
    private var entries: [Entry] = []
    private let spill: RecordSpill
    private var unsidedSenders = Set<String>()

    public init(sides: MailSides, glossary: Glossary, creditAttachments: Bool = false) throws(Diagnostic) {
        self.sides = sides
        self.glossary = glossary
        self.creditAttachments = creditAttachments
        spill = try RecordSpill()
    }

    /// Adds one message's record; a duplicate (a Message-ID already added) is returned as a
    /// problem and left out.
    @discardableResult
    public func add(_ record: MessageRecord) throws(Diagnostic) -> MailProblem? {
        guard let node = threads.add(id: record.id, inReplyTo: record.inReplyTo, references: record.references,
                                     subject: record.subject) else {
            let problem = MailProblem(file: record.file, number: record.number, offset: record.offset,
                                      reason: .duplicate(record.messageID ?? record.id ?? "?"))
            summary.add(problem)
            return problem
        }
        let (offset, length) = try spill.append(record)
        entries.append(Entry(sequence: record.sequence, node: node, date: record.date, offset: offset, length: length))
        summary.add(record)
        if sides.side(of: record.from) == nil {
            summary.unsidedMessages += 1
            unsidedSenders.insert(record.from ?? "(no sender)")
        }
        return nil
    }

    /// Counts a problem found before a record could be made (a broken message or file).
    public func note(_ problem: MailProblem) {
        summary.add(problem)
    }

    /// Reports every thread, in the order of its first message in the input. Threads are
    /// built and rendered on `workers` threads (`render` runs there); `emit` gets them in order
    /// on the calling thread.
    public func finish(workers: Int = 1, render: @escaping @Sendable (ThreadReport) -> String,
                       emit: (ThreadReport, String) throws -> Void) throws {
        try spill.flush()
        summary.unsidedSenders = unsidedSenders.count
        let groups = threadGroups()

        struct Work: Sendable { var index: Int; var records: [MessageRecord] }
        struct Done: Sendable { var index: Int; var report: ThreadReport; var text: String }
        let work = BlockingQueue<Work>(capacity: workers * 4)
        let done = BlockingQueue<Done>(capacity: workers * 4)
        let failure = FailureBox()
        // The spill is read on one thread (a file handle has one position) while workers build
        // the threads read before.
        let feed = Handoff((spill, groups))
        startThread(name: "capdiff-merge-reader") {
            let (spill, groups) = feed.value
            defer { work.close() }
            for (index, group) in groups.enumerated() {
                do {
                    let records = try group.map { try spill.read(offset: $0.offset, length: $0.length) }
                    // Closed: the caller stopped (its output failed); reading on would be waste.
                    guard work.push(Work(index: index, records: records)) else { return }
                } catch {
                    failure.set(error)
                    return
                }
            }
        }
        let sides = self.sides, glossary = self.glossary, creditAttachments = self.creditAttachments
        let finished = Counter()
        for n in 0..<max(1, workers) {
            startThread(name: "capdiff-merge-\(n)") {
                while let item = work.pop() {
                    let report = ThreadReport(messages: item.records, sides: sides, glossary: glossary,
                                              creditAttachments: creditAttachments)
                    done.push(Done(index: item.index, report: report, text: render(report)))
                }
                if finished.increment() == max(1, workers) { done.close() }
            }
        }
        var pending: [Int: Done] = [:]
        var next = 0
        defer {
            work.close()
            while done.pop() != nil {}
        }
        while let item = done.pop() {
            pending[item.index] = item
            while let ready = pending.removeValue(forKey: next) {
                next += 1
                summary.threads += 1
                for row in ready.report.comparison.rows { summary.verdicts[row.verdict.rawValue, default: 0] += 1 }
                try emit(ready.report, ready.text)
            }
        }
        if let error = failure.error { throw error }
    }

    /// The spill places of each thread's messages, threads in the order of their first message
    /// in the input, messages in date order (input order when a message has no date).
    private func threadGroups() -> [[(offset: Int64, length: Int32)]] {
        var roots = [Int32](repeating: 0, count: entries.count)
        var firstSequence: [Int32: Int] = [:]
        var allDated: [Int32: Bool] = [:]
        for (i, entry) in entries.enumerated() {
            let root = threads.root(entry.node)
            roots[i] = root
            firstSequence[root] = min(firstSequence[root] ?? .max, entry.sequence)
            allDated[root] = (allDated[root] ?? true) && entry.date != nil
        }
        let order = entries.indices.sorted { a, b in
            let ra = roots[a], rb = roots[b]
            if ra != rb { return (firstSequence[ra]!, ra) < (firstSequence[rb]!, rb) }
            let ea = entries[a], eb = entries[b]
            if allDated[ra]!, ea.date! != eb.date! { return ea.date! < eb.date! }
            return ea.sequence < eb.sequence
        }
        var groups: [[(offset: Int64, length: Int32)]] = []
        for (position, i) in order.enumerated() {
            if position == 0 || roots[i] != roots[order[position - 1]] { groups.append([]) }
            groups[groups.count - 1].append((entries[i].offset, entries[i].length))
        }
        return groups
    }
}

/// The first error of a background thread, for the calling thread to throw.
private final class FailureBox: @unchecked Sendable {
    // @unchecked: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Error?

    func set(_ error: Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// The closing summary of a batch or merge run: what was read, analysed and skipped, and why.
public struct BatchSummary: Sendable {
    public var files = 0
    public var bytes = 0
    public var messagesRead = 0
    public var messagesAnalysed = 0
    /// Messages read but not analysed, by reason.
    public var skipped: [String: Int] = [:]
    /// Files skipped, by reason.
    public var filesSkipped: [String: Int] = [:]
    public var threads = 0
    public var attachmentsRead = 0
    public var attachmentsSkipped = 0
    public var charsetCorrections = 0
    public var unsidedMessages = 0
    public var unsidedSenders = 0
    public var verdicts: [String: Int] = [:]
    /// The first problems, for the summary (every one is also reported as it happens).
    public var problems: [MailProblem] = []
    public var problemsOmitted = 0
    public var seconds = 0.0

    public static let problemsKept = 100

    public init() {}

    /// Counts a message read.
    public mutating func add(_ record: MessageRecord) {
        messagesRead += 1
        if let skip = record.skip {
            skipped[skip.rawValue, default: 0] += 1
        } else {
            messagesAnalysed += 1
        }
        attachmentsRead += record.attachmentsRead.count
        attachmentsSkipped += record.attachmentsSkipped.count
        charsetCorrections += record.notes.filter { $0.contains(CharsetDecoder.correctionNote) }.count
    }

    /// Counts a broken message (read, not analysed) or a file skipped.
    public mutating func add(_ problem: MailProblem) {
        if problem.isMessage {
            messagesRead += 1
            skipped[problem.reason.key, default: 0] += 1
        } else {
            filesSkipped[problem.reason.key, default: 0] += 1
        }
        if problems.count < Self.problemsKept { problems.append(problem) } else { problemsOmitted += 1 }
    }

    public var messagesSkipped: Int { skipped.values.reduce(0, +) }
}
