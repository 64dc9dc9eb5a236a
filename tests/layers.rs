//! Imports point down: in each of Hark's crates (the core, the CLI, the app's shell), no
//! module imports a module that imports it back, at any level of the module tree.
//!
//! The sources are parsed (syn) and every path a module names (`use` trees, and paths in
//! types and expressions) is resolved to the module that defines the item, following
//! re-exports (`pub use`) and glob imports, so naming `crate::platform::Client` is an
//! edge to `platform::client`, where `Client` lives, not to the facade. Then, for each
//! module, the edges between its children (and its own file) are collapsed to those
//! children and must form no circle: `profile` may use `platform`, and then nothing under
//! `platform` may use anything under `profile`. Unit tests (`#[cfg(test)]`) are left
//! out: a test may reach up for a fixture. Paths inside macro calls are not seen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

type ModPath = Vec<String>;

/// One module of a crate: its own items, names and the paths it uses.
#[derive(Default)]
struct Module {
    file: PathBuf,
    children: BTreeSet<String>,
    /// Items defined here (functions, types, constants, macros...).
    defined: BTreeSet<String>,
    /// `use` aliases: the name brought in, and the path (as written) it stands for.
    aliases: BTreeMap<String, Vec<String>>,
    /// `use x::*` sources, as written.
    globs: Vec<Vec<String>>,
    /// Every path this module names, as written.
    uses: Vec<Vec<String>>,
}

struct Crate {
    name: &'static str,
    modules: BTreeMap<ModPath, Module>,
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// Flattens a `use` tree into (name bound, full path as written) pairs and globs.
fn flatten_use(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    out: &mut Vec<(String, Vec<String>)>,
    globs: &mut Vec<Vec<String>>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out, globs);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                if let Some(last) = prefix.last() {
                    out.push((last.clone(), prefix.clone()));
                }
            } else {
                let mut full = prefix.clone();
                full.push(name.clone());
                out.push((name, full));
            }
        }
        syn::UseTree::Rename(r) => {
            let mut full = prefix.clone();
            if r.ident != "self" {
                full.push(r.ident.to_string());
            }
            out.push((r.rename.to_string(), full));
        }
        syn::UseTree::Glob(_) => globs.push(prefix.clone()),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix, out, globs);
            }
        }
    }
}

/// Collects the paths named in a module's items, skipping nested modules (they are
/// modules of their own) and test-only items.
#[derive(Default)]
struct PathCollector {
    paths: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for PathCollector {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.paths
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }
    // `pub(super)` and the like say who may see an item, not what it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}
    fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {}
    fn visit_item_use(&mut self, _: &'ast syn::ItemUse) {}
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs: &[syn::Attribute] = match item {
            syn::Item::Fn(i) => &i.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Const(i) => &i.attrs,
            syn::Item::Static(i) => &i.attrs,
            syn::Item::Struct(i) => &i.attrs,
            syn::Item::Enum(i) => &i.attrs,
            _ => &[],
        };
        if !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_test_only(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
}

fn item_name(item: &syn::Item) -> Option<String> {
    Some(match item {
        syn::Item::Fn(i) => i.sig.ident.to_string(),
        syn::Item::Struct(i) => i.ident.to_string(),
        syn::Item::Enum(i) => i.ident.to_string(),
        syn::Item::Const(i) => i.ident.to_string(),
        syn::Item::Static(i) => i.ident.to_string(),
        syn::Item::Type(i) => i.ident.to_string(),
        syn::Item::Trait(i) => i.ident.to_string(),
        syn::Item::Union(i) => i.ident.to_string(),
        syn::Item::Macro(i) => i.ident.as_ref()?.to_string(),
        _ => return None,
    })
}

fn load_module(krate: &mut Crate, path: ModPath, file: &Path, items: &[syn::Item], dir: &Path) {
    let mut module = Module {
        file: file.to_path_buf(),
        ..Module::default()
    };
    let mut collector = PathCollector::default();
    for item in items {
        match item {
            syn::Item::Mod(m) if is_test_only(&m.attrs) => {}
            syn::Item::Mod(m) => {
                let name = m.ident.to_string();
                module.children.insert(name.clone());
                let mut child = path.clone();
                child.push(name.clone());
                match &m.content {
                    Some((_, inner)) => load_module(krate, child, file, inner, &dir.join(&name)),
                    None => {
                        let flat = dir.join(format!("{name}.rs"));
                        let nested = dir.join(&name).join("mod.rs");
                        let child_file = if flat.exists() { flat } else { nested };
                        let source = std::fs::read_to_string(&child_file)
                            .unwrap_or_else(|e| panic!("{}: {e}", child_file.display()));
                        let parsed = syn::parse_file(&source)
                            .unwrap_or_else(|e| panic!("{}: {e}", child_file.display()));
                        load_module(krate, child, &child_file, &parsed.items, &dir.join(&name));
                    }
                }
            }
            syn::Item::Use(u) if is_test_only(&u.attrs) => {}
            syn::Item::Use(u) => {
                let mut pairs = Vec::new();
                flatten_use(&u.tree, &mut Vec::new(), &mut pairs, &mut module.globs);
                for (name, full) in pairs {
                    module.uses.push(full.clone());
                    if name != "_" {
                        module.aliases.insert(name, full);
                    }
                }
                for glob in &module.globs {
                    module.uses.push(glob.clone());
                }
            }
            other => {
                if let Some(name) = item_name(other) {
                    module.defined.insert(name);
                }
                collector.visit_item(other);
            }
        }
    }
    module.uses.extend(collector.paths);
    krate.modules.insert(path, module);
}

fn load_crate(name: &'static str, root: &Path) -> Crate {
    let mut krate = Crate {
        name,
        modules: BTreeMap::new(),
    };
    let source = std::fs::read_to_string(root).unwrap();
    let parsed = syn::parse_file(&source).unwrap();
    load_module(
        &mut krate,
        Vec::new(),
        root,
        &parsed.items,
        root.parent().unwrap(),
    );
    krate
}

impl Crate {
    /// Turns a path as written in module `at` into an absolute path, or None when it
    /// points outside the crate (std, another crate, a local variable).
    fn absolute(&self, at: &ModPath, written: &[String]) -> Option<Vec<String>> {
        let (first, rest) = written.split_first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => at.clone(),
            "super" => at[..at.len().checked_sub(1)?].to_vec(),
            _ => {
                let here = self.modules.get(at)?;
                if here.children.contains(first) {
                    let mut p = at.clone();
                    p.push(first.clone());
                    p.extend(rest.iter().cloned());
                    return Some(p);
                }
                // A name brought in by `use` in this module (not the use item itself).
                let alias = here.aliases.get(first)?;
                if alias.as_slice() == written {
                    return None;
                }
                let mut p = self.absolute(at, alias)?;
                p.extend(rest.iter().cloned());
                return Some(p);
            }
        };
        let mut rest = rest;
        while let Some((s, tail)) = rest.split_first() {
            if s != "super" {
                break;
            }
            base.pop();
            rest = tail;
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The module that defines what an absolute path names, following re-exports.
    fn defining_module(&self, path: &[String], depth: usize) -> ModPath {
        let mut at: ModPath = Vec::new();
        for (i, segment) in path.iter().enumerate() {
            let Some(module) = self.modules.get(&at) else {
                return at;
            };
            if module.children.contains(segment) {
                at.push(segment.clone());
                continue;
            }
            if module.defined.contains(segment) || depth > 8 {
                return at;
            }
            if let Some(alias) = module.aliases.get(segment)
                && let Some(mut target) = self.absolute(&at, alias)
            {
                target.extend(path[i + 1..].iter().cloned());
                return self.defining_module(&target, depth + 1);
            }
            for glob in &module.globs {
                if let Some(mut target) = self.absolute(&at, glob) {
                    let source = self.defining_module(&target, depth + 1);
                    if let Some(g) = self.modules.get(&source)
                        && (g.defined.contains(segment)
                            || g.children.contains(segment)
                            || g.aliases.contains_key(segment))
                    {
                        target.extend(path[i..].iter().cloned());
                        return self.defining_module(&target, depth + 1);
                    }
                }
            }
            return at;
        }
        at
    }

    /// Every (from, to, as written) edge between two different modules.
    fn edges(&self) -> Vec<(ModPath, ModPath, String)> {
        let mut edges = Vec::new();
        for (at, module) in &self.modules {
            for written in &module.uses {
                let Some(abs) = self.absolute(at, written) else {
                    continue;
                };
                let target = self.defining_module(&abs, 0);
                if &target != at {
                    edges.push((at.clone(), target, written.join("::")));
                }
            }
        }
        edges
    }

    /// Circles among the children of each module (its own file counted as one of them).
    fn circles(&self) -> Vec<String> {
        let edges = self.edges();
        let mut found = Vec::new();
        for (parent, module) in &self.modules {
            if module.children.is_empty() {
                continue;
            }
            // The child of `parent` that `m` lies in; "" for the parent's own file.
            let part = |m: &ModPath| -> Option<String> {
                if !m.starts_with(parent) {
                    return None;
                }
                Some(m.get(parent.len()).cloned().unwrap_or_default())
            };
            let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
            for (from, to, written) in &edges {
                if let (Some(a), Some(b)) = (part(from), part(to))
                    && a != b
                {
                    let why = format!("{} names {written}", self.modules[from].file.display());
                    graph.entry(a).or_default().entry(b).or_insert(why);
                }
            }
            for (a, targets) in &graph {
                for (b, why) in targets {
                    if a < b
                        && let Some(back) = path_between(&graph, b, a)
                    {
                        let name = |s: &str| {
                            let mut p = vec![self.name.to_string()];
                            p.extend(parent.iter().cloned());
                            if s.is_empty() {
                                return format!("{} (its own file)", p.join("::"));
                            }
                            p.push(s.to_string());
                            p.join("::")
                        };
                        found.push(format!(
                            "{} and {} import each other:\n    {why}\n    and back: {}",
                            name(a),
                            name(b),
                            back.join("\n      then ")
                        ));
                    }
                }
            }
        }
        found
    }
}

/// A chain of edges from `from` to `to`, each edge's reason, if one exists.
fn path_between(
    graph: &BTreeMap<String, BTreeMap<String, String>>,
    from: &str,
    to: &str,
) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![(from.to_string(), Vec::<String>::new())];
    while let Some((node, trail)) = stack.pop() {
        if !seen.insert(node.clone()) {
            continue;
        }
        for (next, why) in graph.get(&node).into_iter().flatten() {
            let mut trail = trail.clone();
            trail.push(why.clone());
            if next == to {
                return Some(trail);
            }
            stack.push((next.clone(), trail));
        }
    }
    None
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn crates() -> Vec<Crate> {
    let root = workspace();
    vec![
        load_crate("hark_core", &root.join("crates/hark-core/src/lib.rs")),
        load_crate("hark", &root.join("crates/hark-cli/src/main.rs")),
        load_crate("hark_app", &root.join("src-tauri/src/lib.rs")),
    ]
}

#[test]
fn imports_point_down() {
    let circles: Vec<String> = crates().iter().flat_map(Crate::circles).collect();
    assert!(
        circles.is_empty(),
        "{} circle(s) of imports; move the shared part below both:\n{}",
        circles.len(),
        circles.join("\n")
    );
}

/// The check itself finds a circle: two modules written to import each other.
#[test]
fn a_circle_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("lib.rs"),
        "mod a;\nmod b;\npub use a::Thing;\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.rs"),
        "use crate::b::helper;\npub struct Thing;\nfn f() { helper(); }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.rs"),
        "pub fn helper() -> crate::Thing { crate::Thing }\n",
    )
    .unwrap();
    let circles = load_crate("demo", &dir.path().join("lib.rs")).circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(circles[0].contains("demo::a and demo::b"), "{circles:?}");

    // Naming the item through the facade is still an edge to where it is defined:
    // with `b` no longer naming `Thing`, there is no circle.
    std::fs::write(dir.path().join("b.rs"), "pub fn helper() {}\n").unwrap();
    assert!(
        load_crate("demo", &dir.path().join("lib.rs"))
            .circles()
            .is_empty()
    );
}

/// A child that uses its parent's own items while the parent uses it is a circle too.
#[test]
fn a_child_reaching_up_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("p")).unwrap();
    std::fs::write(dir.path().join("lib.rs"), "mod p;\n").unwrap();
    std::fs::write(
        dir.path().join("p/mod.rs"),
        "mod c;\npub fn top() { c::low() }\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("p/c.rs"), "pub fn low() { super::top() }\n").unwrap();
    let circles = load_crate("demo", &dir.path().join("lib.rs")).circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(
        circles[0].contains("demo::p (its own file) and demo::p::c"),
        "{circles:?}"
    );
}
