import Events

extension PlaceGazetteer {
    /// The key of the most specific gazetteer place named in `text` (a town beats its region),
    /// or nil when it names none.
    public func key(in text: String) -> String? {
        let tokens = Tokenizer.tokenize(ReportText.normalise(text))
        var best: Place?
        for i in tokens.indices {
            if let (place, _) = match(tokens, at: i, limit: tokens.count), best.map({ place.level > $0.level }) ?? true {
                best = place
            }
        }
        return best?.key
    }
}

extension KnownIncident {
    /// An incident as the ledger opened it, with its place resolved to a gazetteer key.
    public init(_ opened: IncidentOpened, places: PlaceGazetteer = .builtIn) {
        self.init(id: opened.incidentID, kind: opened.kind,
                  placeKey: opened.place.flatMap { places.key(in: $0) } ?? places.key(in: opened.title), date: opened.date)
    }
}
