# Loads Rouge as its rouge.rb does, except that rouge.rb loads all of Rouge's ~250 lexers (and,
# for one of them, YAML) up front: ~1.2 CPU-seconds of JRuby's start, for a book that highlights
# a language or two. Here a lexer is loaded when it is first asked for by name; a name that is
# not a lexer's file name (an alias such as 'sh', or an unknown language) loads them all, as
# rouge.rb would have, so every lookup answers what it answered before.
#
# Evaluated once, right after JRuby started, with Rouge's lib directory on the load path.
rouge_rb = $LOAD_PATH.map { |dir| File.join(dir.to_s, 'rouge.rb') }.find { |file| File.file?(file) }
raise LoadError, 'lean-rouge: rouge.rb is not on the load path' unless rouge_rb
source = File.read(rouge_rb)
unless source.sub!(/^Rouge\.load_lexers$/, '# lexers load when asked for: see lean-rouge.rb')
  raise LoadError, "lean-rouge: #{rouge_rb} no longer calls Rouge.load_lexers on a line of its own"
end
eval source, TOPLEVEL_BINDING, rouge_rb, 1
$LOADED_FEATURES << rouge_rb

require 'monitor'

class << Rouge::Lexer
  LEXER_LOADING = Monitor.new

  alias_method :find_loaded, :find
  alias_method :all_loaded, :all

  # Pages convert in parallel, so lookups and loads take turns (one lookup a listing: no contention).
  def find(name)
    LEXER_LOADING.synchronize do
      find_loaded(name) || begin
        file = "#{name.to_s.downcase}.rb"
        if file.match?(/\A[a-z0-9_]+\.rb\z/) && File.file?(File.join(Rouge::Lexers::BASE_DIR, file))
          Rouge::Lexers.load_lexer(file)
        end
        find_loaded(name) || (Rouge.load_lexers; find_loaded(name))
      end
    end
  end

  def all
    LEXER_LOADING.synchronize { Rouge.load_lexers }
    all_loaded
  end
end
