import Foundation

/// Reads mail exports on every core: one thread splits the input into batches of raw messages
/// (streaming: memory holds a few batches, never the export), one worker per core parses and
/// analyses them (each with its own `Pipeline`: pipelines are not thread-safe), and the calling
/// thread receives the records in input order. Progress and problems are reported through
/// callbacks; the engine never prints.
public final class BatchEngine {
    public struct Options: Sendable {
        /// Worker threads (default: the active cores).
        public var workers: Int
        /// Messages larger than this are skipped and reported.
        public var maximumMessage: Int

        public init(workers: Int? = nil, maximumMessage: Int = 64 << 20) {
            self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
            self.maximumMessage = maximumMessage
        }
    }

    public struct Progress: Sendable {
        public var messages: Int
        public var bytesDone: Int
        public var totalBytes: Int
        public var seconds: Double
    }

    public let glossary: Glossary
    public let options: Options

    public init(glossary: Glossary, options: Options = Options()) {
        self.glossary = glossary
        self.options = options
    }

    /// A batch of raw messages, and the problems met while collecting it.
    private struct Work: Sendable {
        var index: Int
        var messages: [RawMessage]
        var problems: [MailProblem]
        var bytesDone: Int
    }

    private struct Done: Sendable {
        var index: Int
        /// Records and problems, in input order.
        var items: [Item]
        var bytesDone: Int
    }

    private enum Item: Sendable {
        case record(MessageRecord)
        case problem(MailProblem)
    }

    /// What a run read.
    public struct Totals: Sendable {
        public var files: Int
        public var bytes: Int
    }

    /// Reads the paths; hands each record, and each problem, to the callbacks in input order.
    public func run(paths: [String],
                    progress: (Progress) -> Void,
                    problem: (MailProblem) throws -> Void,
                    record: (MessageRecord) throws -> Void) throws -> Totals {
        let input = MailInput(paths: paths, maximumMessage: options.maximumMessage)
        let totals = Totals(files: input.sources.count, bytes: input.totalBytes)
        let work = BlockingQueue<Work>(capacity: options.workers * 2)
        let done = BlockingQueue<Done>(capacity: options.workers * 4)
        let start = Date()

        let handoff = Handoff(input)
        startThread(name: "capdiff-reader") { Self.split(handoff.value, into: work) }
        let finished = Counter()
        let glossary = self.glossary
        let workers = options.workers
        for n in 0..<workers {
            startThread(name: "capdiff-worker-\(n)") {
                Self.analyse(work, into: done, glossary: glossary)
                if finished.increment() == workers { done.close() }
            }
        }

        var pending: [Int: Done] = [:]
        var nextIndex = 0
        var messages = 0
        var lastReport = Date.distantPast
        defer {
            // On an early exit (a callback threw), let the threads run dry.
            work.close()
            while done.pop() != nil {}
        }
        while let batch = done.pop() {
            pending[batch.index] = batch
            while let ready = pending.removeValue(forKey: nextIndex) {
                nextIndex += 1
                for item in ready.items {
                    switch item {
                    case .record(let r):
                        messages += 1
                        try record(r)
                    case .problem(let p):
                        if p.isMessage { messages += 1 }
                        try problem(p)
                    }
                }
                let now = Date()
                if now.timeIntervalSince(lastReport) >= 0.1 {
                    lastReport = now
                    progress(Progress(messages: messages, bytesDone: ready.bytesDone, totalBytes: totals.bytes,
                                      seconds: now.timeIntervalSince(start)))
                }
            }
        }
        progress(Progress(messages: messages, bytesDone: totals.bytes, totalBytes: totals.bytes,
                          seconds: Date().timeIntervalSince(start)))
        return totals
    }

    /// The reader thread: batches of about 256 KB or 64 messages.
    private static func split(_ input: MailInput, into work: BlockingQueue<Work>) {
        var index = 0
        var batch = Work(index: 0, messages: [], problems: [], bytesDone: 0)
        var size = 0
        var open = true
        func send() {
            batch.bytesDone = input.bytesDone
            // Closed: the run ended early (a callback failed), so reading on would be waste.
            open = work.push(batch)
            index += 1
            batch = Work(index: index, messages: [], problems: [], bytesDone: 0)
            size = 0
        }
        while open, let event = input.nextEvent() {
            switch event {
            case .message(let raw):
                batch.messages.append(raw)
                size += raw.bytes.count
            case .problem(let problem):
                // A problem travels in the batch of the message after it, so the order holds.
                if !batch.messages.isEmpty { send() }
                batch.problems.append(problem)
            }
            if size >= 256 << 10 || batch.messages.count >= 64 { send() }
        }
        if open, !batch.messages.isEmpty || !batch.problems.isEmpty { send() }
        work.close()
    }

    /// A worker thread.
    private static func analyse(_ work: BlockingQueue<Work>, into done: BlockingQueue<Done>, glossary: Glossary) {
        let reader = MessageReader(pipeline: Pipeline(glossary: glossary))
        while let batch = work.pop() {
            var items: [Item] = batch.problems.map { .problem($0) }
            for raw in batch.messages {
                do {
                    items.append(.record(try reader.read(raw)))
                } catch {
                    items.append(.problem(error))
                }
            }
            done.push(Done(index: batch.index, items: items, bytesDone: batch.bytesDone))
        }
    }
}

